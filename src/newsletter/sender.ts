import type { SiteConfig } from '../schemas/site.ts';
import { SendRefusal } from './edition-files.ts';
import type { SenderSettings } from './send.ts';

type Env = Record<string, string | undefined>;

/**
 * Who sends and to which list: NEWSLETTER_FROM over site.yaml `newsletter.from`, and
 * NEWSLETTER_TO (the provider's list address) from the environment, which may differ between
 * a test list and the real one. Unsubscribe addresses come from site.yaml.
 */
export function senderSettings(site: Pick<SiteConfig, 'newsletter'>, env: Env): SenderSettings {
  const configured = site.newsletter?.from;
  const from =
    env['NEWSLETTER_FROM']?.trim() ||
    (configured && `"${configured.name.replace(/["\\]/g, '')}" <${configured.address}>`);
  if (!from)
    throw new SendRefusal('no sender: set newsletter.from in content/site.yaml or NEWSLETTER_FROM in the environment');
  const to = env['NEWSLETTER_TO']?.trim();
  if (!to) throw new SendRefusal("no recipient: set NEWSLETTER_TO to the provider's list address");
  return { from, to, unsubscribe: site.newsletter?.unsubscribe };
}
