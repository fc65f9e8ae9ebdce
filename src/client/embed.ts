/**
 * Story pages with an `<Embed>` (src/ingest/story-body/components.ts): each embed
 * arrives as a titled placeholder whose "Load the video" button is hidden, so
 * that without this script nothing looks clickable that is not. The script
 * shows the buttons; a click replaces the placeholder with the provider's
 * frame, sandboxed, and moves focus into it. No request goes to the provider
 * before that click.
 */
import { EMBED, EMBED_ALLOW, EMBED_REFERRER_POLICY, EMBED_SANDBOX } from '../model/embed-markup.ts';

function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

/** Replaces an embed's placeholder with its frame. */
export function loadEmbed(figure: HTMLElement, stage: HTMLElement): void {
  const { embedUrl: url, embedKind: kind } = figure.dataset;
  const title = figure.querySelector(`.${EMBED.title}`)?.textContent?.trim();
  // The build let only allowlisted https addresses through; the CSP's frame-src holds the same list.
  if (!url || !title || !isHttps(url)) return;
  const frame = document.createElement('iframe');
  // The sandbox and the policies are set before the address: they apply from the first request.
  frame.setAttribute('sandbox', EMBED_SANDBOX);
  frame.setAttribute('allow', EMBED_ALLOW);
  frame.referrerPolicy = EMBED_REFERRER_POLICY;
  frame.loading = 'lazy';
  frame.title = title;
  frame.className = EMBED.frame;
  frame.src = url;
  const box = document.createElement('div');
  box.className = `${EMBED.box} ${kind === 'video' ? EMBED.boxVideo : EMBED.boxTall}`;
  box.append(frame);
  // The button the reader pressed is gone: focus goes to what it loaded.
  stage.replaceWith(box);
  frame.focus();
}

/** Shows every placeholder's button under `root` and makes it load the frame. */
export function startEmbeds(root: ParentNode = document): void {
  for (const figure of root.querySelectorAll<HTMLElement>(`figure.${EMBED.figure}[data-embed-url]`)) {
    const stage = figure.querySelector<HTMLElement>(`.${EMBED.stage}`);
    const button = stage?.querySelector<HTMLButtonElement>(`.${EMBED.load}`);
    // A stage already shown has been started.
    if (!stage || !button || !stage.hidden) continue;
    button.addEventListener('click', () => loadEmbed(figure, stage), { once: true });
    stage.hidden = false;
  }
}
