// A host page embedding <cvortex-case-details>. The host owns authentication: here it logs in to
// the sandbox and hands the widget a getToken() callback; the widget never stores the token.
import '/cvortex-case-details-element.js';

// One login at a time: the widget asks for the token from every request it starts at once.
let token = null;
function getToken({ forceRefresh } = {}) {
  if (!token || forceRefresh) {
    token = fetch('/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: 'demo', username: 'ana.lima', password: 'demo' }),
    })
      .then((res) => (res.ok ? res.json() : Promise.reject(new Error(`login: ${res.status}`))))
      .then((body) => body.token);
    const pending = token;
    pending.catch(() => { if (token === pending) token = null; }); // the next request tries again
  }
  return token;
}

const log = document.getElementById('log');
for (const name of ['cvortex:close', 'cvortex:tab-change', 'cvortex:continue-case', 'cvortex:cases-unified', 'cvortex:unification-undone', 'cvortex:attachment-uploaded', 'cvortex:case-updated']) {
  document.addEventListener(name, (e) => {
    const li = document.createElement('li');
    li.textContent = `${name} ${JSON.stringify(e.detail)}`;
    log.append(li);
  });
}

let widget = null;
function open(caseId) {
  if (!widget) {
    widget = document.createElement('cvortex-case-details');
    widget.getToken = getToken;
    widget.setAttribute('api-base', '');
    widget.setAttribute('case-id', String(caseId));
    // host.html?live=off: the widget without live changes (it reads the attribute as it mounts)
    if (new URLSearchParams(location.search).get('live') === 'off') widget.setAttribute('live', 'off');
    document.getElementById('slot').append(widget);
  } else {
    widget.setAttribute('case-id', String(caseId));
    widget.open();
  }
}

// "Continuar atendimento": this host opens the other case in the same widget.
document.addEventListener('cvortex:continue-case', (e) => open(e.detail.case_id));

document.getElementById('open-1001').addEventListener('click', () => open(1001));
document.getElementById('open-1002').addEventListener('click', () => open(1002));
document.getElementById('english').addEventListener('click', () => widget?.setAttribute('locale', 'en'));
