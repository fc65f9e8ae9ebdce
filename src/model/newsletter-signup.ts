/** The origin the signup form posts to (site.yaml `newsletter.signup.url`): the CSP's form-action lists it. */
export function signupFormOrigins(site: {
  newsletter?: { signup?: { url: string } | undefined } | undefined;
}): string[] {
  const url = site.newsletter?.signup?.url;
  return url ? [new URL(url).origin] : [];
}
