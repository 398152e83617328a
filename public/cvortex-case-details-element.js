// <cvortex-case-details case-id="1001" api-base="" locale="pt-BR" tab="dados" live="off" theme="dark">: the case-details
// modal as a custom element for host pages (the cVortex web shell). Give it a token source before
// (or right after) adding it: `el.getToken = async ({ forceRefresh }) => token`. It renders in the
// light DOM, styled by the widget's stylesheet, which this file adds to the page itself, and reports
// through bubbling DOM events: cvortex:close, cvortex:tab-change, cvortex:continue-case,
// cvortex:cases-unified, cvortex:unification-undone, cvortex:attachment-uploaded,
// cvortex:case-updated (live changes: kinds and ids). It follows the case live unless live="off"
// (read when it is added). theme: light (default), dark, auto (the system's), and/or a brand
// colour: theme="dark #0b6a3a".
// This is the one file loaded by a fixed path: the build gives the others content-hashed names and
// writes them in here, so the code, the wasm and the styles always come from the same build.
import init, { mountCaseDetails } from './cvortex-case-details.js';

let ready;
/** Loads the wasm module and the widget's styles once (the host page may also call this itself). */
export function load() {
  ready ??= Promise.all([
    init({ module_or_path: new URL('./cvortex-case-details_bg.wasm', import.meta.url) }),
    stylesheet(new URL('./theme.css', import.meta.url).href),
    stylesheet(new URL('./app.css', import.meta.url).href),
  ]);
  return ready;
}

/** Adds the stylesheet at `href` to the page (once); resolves when it has loaded or failed. */
function stylesheet(href) {
  if ([...document.querySelectorAll('link[rel=stylesheet]')].some((l) => l.href === href)) return;
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
  const done = new Promise((resolve) => { link.onload = link.onerror = resolve; });
  document.head.append(link);
  return done;
}

export class CvortexCaseDetails extends HTMLElement {
  static get observedAttributes() { return ['case-id', 'locale', 'tab', 'theme']; }

  async connectedCallback() {
    await load();
    if (!this.isConnected || this.handle) return;
    const tokenSource = this.getToken;
    if (typeof tokenSource !== 'function') throw new Error('<cvortex-case-details>: set el.getToken before adding it');
    this.handle = mountCaseDetails(this, {
      caseId: this.getAttribute('case-id'),
      apiBase: this.getAttribute('api-base') ?? '',
      locale: this.getAttribute('locale') ?? 'pt-BR',
      tab: this.getAttribute('tab') ?? undefined,
      getToken: (options) => this.getToken(options),
      live: this.getAttribute('live') !== 'off',
      theme: this.getAttribute('theme') ?? '',
    });
  }

  disconnectedCallback() {
    this.handle?.destroy();
    this.handle = undefined;
  }

  attributeChangedCallback(name, previous, value) {
    if (!this.handle || previous === value || value === null) return;
    if (name === 'case-id') this.handle.setCaseId(value);
    else if (name === 'locale') this.handle.setLocale(value);
    else if (name === 'tab') this.handle.setTab(value);
    else if (name === 'theme') this.handle.setTheme(value);
  }

  /** Opens the modal again after the user closed it. */
  open() { this.handle?.open(); }
  close() { this.handle?.close(); }
}

if (!customElements.get('cvortex-case-details')) customElements.define('cvortex-case-details', CvortexCaseDetails);

export { mountCaseDetails };
