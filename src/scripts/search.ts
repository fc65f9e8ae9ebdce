/**
 * Starts Pagefind's UI on /search/, pre-filled from `?q=`, and keeps the query
 * in the address bar so a search can be shared. Pagefind's files are made by
 * the build, so they are loaded at run time rather than bundled; the index is
 * one bundle per year of the archive, merged into one set of results.
 */
interface PagefindUIInstance {
  triggerSearch(term: string): void;
}
type PagefindUIConstructor = new (options: Record<string, unknown>) => PagefindUIInstance;

function loadScript(src: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = () => resolve();
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

export async function startSearch(): Promise<void> {
  const element = document.getElementById('search');
  if (!element) return;
  const bundles: string[] = JSON.parse(element.dataset['bundles'] ?? '[]');
  const [primary, ...others] = bundles;
  try {
    if (!primary) throw new Error('no search index');
    await loadScript(`${primary}pagefind-ui.js`);
  } catch {
    document.getElementById('search-unavailable')?.removeAttribute('hidden');
    return;
  }
  const PagefindUI = (window as unknown as { PagefindUI: PagefindUIConstructor }).PagefindUI;
  const ui = new PagefindUI({
    element,
    bundlePath: primary,
    mergeIndex: others.map((bundlePath) => ({ bundlePath })),
    showSubResults: false,
    showImages: false,
    resetStyles: false,
  });
  const query = new URLSearchParams(location.search).get('q');
  if (query) ui.triggerSearch(query);
  element.addEventListener('input', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement)) return;
    const url = new URL(location.href);
    if (target.value) url.searchParams.set('q', target.value);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
  });
}
