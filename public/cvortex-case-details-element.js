// <cvortex-case-details case-id="1001" api-base="" locale="pt-BR" tab="dados" live="off">: the case-details
// modal as a custom element for host pages (the cVortex web shell). Give it a token source before
// (or right after) adding it: `el.getToken = async ({ forceRefresh }) => token`. It renders in the
// light DOM (styled by app.css, which the host page loads) and reports through bubbling DOM events:
// cvortex:close, cvortex:tab-change, cvortex:continue-case, cvortex:cases-unified,
// cvortex:unification-undone, cvortex:attachment-uploaded, cvortex:case-updated (live changes: kinds
// and ids). It follows the case live unless live="off" (read when it is added). Load the widget's CSS (app.css) on the host page.
import init, { mountCaseDetails } from './cvortex-case-details.js';

let ready;
/** Loads the wasm module once (the host page may also call this itself). */
export function load() {
  ready ??= init({ module_or_path: new URL('./cvortex-case-details_bg.wasm', import.meta.url) });
  return ready;
}

export class CvortexCaseDetails extends HTMLElement {
  static get observedAttributes() { return ['case-id', 'locale', 'tab']; }

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
  }

  /** Opens the modal again after the user closed it. */
  open() { this.handle?.open(); }
  close() { this.handle?.close(); }
}

if (!customElements.get('cvortex-case-details')) customElements.define('cvortex-case-details', CvortexCaseDetails);

export { mountCaseDetails };
