// Passkey buttons (WebAuthn), on the pages that load this file with the SimpleWebAuthnBrowser
// helper. Without JavaScript these controls stay hidden and the page says what to do instead.
document.addEventListener('DOMContentLoaded', () => {
  const webauthn = window.SimpleWebAuthnBrowser;
  const status = document.querySelector('[data-passkey-status]');
  const show = (text) => {
    if (!status) return;
    status.textContent = text;
    status.hidden = false;
  };
  const controls = document.querySelectorAll('[data-passkey]');
  if (controls.length === 0) return;
  if (!webauthn || !webauthn.browserSupportsWebAuthn()) {
    show(status ? status.dataset.unsupported : '');
    return;
  }
  const post = async (url, body) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(data.error || (status && status.dataset.failed) || 'failed');
    return data;
  };
  const fail = (error) => show((error && error.message) || (status && status.dataset.failed));

  for (const form of document.querySelectorAll('form[data-passkey="register"]')) {
    form.hidden = false;
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const name = form.elements.namedItem('name').value;
      try {
        const { challengeId, options } = await post('/admin/passkeys/options', {});
        const response = await webauthn.startRegistration({ optionsJSON: options });
        const done = await post('/admin/passkeys/register', { challengeId, name, response });
        window.location.assign(done.location);
      } catch (error) {
        fail(error);
      }
    });
  }

  for (const button of document.querySelectorAll('button[data-passkey="sign-in"]')) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      const purpose = button.dataset.purpose || 'sign_in';
      try {
        const { challengeId, options } = await post('/sign-in/passkey/options', { purpose });
        const response = await webauthn.startAuthentication({ optionsJSON: options });
        const done = await post('/sign-in/passkey', {
          challengeId,
          purpose,
          response,
          next: button.dataset.next || undefined,
        });
        // A step-up goes on with what the person was doing: the page's Continue form.
        const then = button.dataset.thenSubmit && document.getElementById(button.dataset.thenSubmit);
        if (then) then.submit();
        else window.location.assign(done.location);
      } catch (error) {
        fail(error);
      }
    });
  }
});
