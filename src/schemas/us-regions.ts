/** ISO 3166-2:US subdivision codes: the 50 states, DC and the outlying areas. */
export const US_REGION_CODES: ReadonlySet<string> = new Set(
  (
    'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE ' +
    'NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY ' +
    'DC AS GU MP PR UM VI'
  ).split(' '),
);
