/**
 * The republish dialog's "Copy HTML" button (RepublishDialog.astro): copies its text box to the
 * clipboard and says so in the dialog's status region. The button is hidden in the page's HTML and
 * shown here, so a reader without script is not offered a button that does nothing.
 */

export const COPIED = 'Copied the HTML to your clipboard.';
export const NOT_COPIED = 'Could not copy: the HTML is selected, copy it with your keyboard or menu.';

/**
 * Opening and closing for a browser from before invoker commands (Baseline since December 2025):
 * the buttons' `commandfor`/`command` done by hand. A browser that has them does it itself.
 */
export function startInvokerFallback(doc: Document = document): void {
  if ('command' in HTMLButtonElement.prototype) return;
  for (const button of doc.querySelectorAll<HTMLButtonElement>('button[commandfor][command]')) {
    button.addEventListener('click', () => {
      const target = doc.getElementById(button.getAttribute('commandfor') ?? '');
      if (!(target instanceof HTMLDialogElement)) return;
      const command = button.getAttribute('command');
      if (command === 'show-modal' && !target.open) target.showModal();
      else if (command === 'close' && target.open) target.close();
    });
  }
}

export function startRepublishCopy(doc: Document = document): void {
  for (const button of doc.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
    const box = doc.getElementById(button.dataset['copy'] ?? '');
    const status = button.parentElement?.querySelector('[role="status"]');
    if (!(box instanceof HTMLTextAreaElement) || !status) continue;
    button.hidden = false;
    button.addEventListener('click', async () => {
      status.textContent = '';
      try {
        await navigator.clipboard.writeText(box.value);
        status.textContent = COPIED;
      } catch {
        box.select();
        status.textContent = NOT_COPIED;
      }
    });
  }
}
