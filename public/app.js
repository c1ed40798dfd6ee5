// Progressive enhancement only: every page works without this file.
document.addEventListener('DOMContentLoaded', () => {
  // Move focus to the error summary so screen readers announce what to fix.
  const summary = document.querySelector('.error-summary');
  if (summary) summary.focus();

  // "Copy link" buttons: <button data-copy="text">.
  for (const button of document.querySelectorAll('button[data-copy]')) {
    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(button.dataset.copy);
        const done = button.dataset.copied;
        if (done) button.textContent = done;
      } catch {
        /* the link stays visible beside the button */
      }
    });
  }

  // "Print" buttons.
  for (const button of document.querySelectorAll('button[data-print]')) {
    button.hidden = false;
    button.addEventListener('click', () => window.print());
  }

  // Live counts (the check-in page): every phone at the door sees the same number without reloading.
  for (const counts of document.querySelectorAll('[data-live-counts]')) {
    const url = counts.dataset.liveCounts;
    const refresh = async () => {
      if (document.hidden) return;
      try {
        const response = await fetch(url, { headers: { accept: 'application/json' } });
        if (!response.ok) return;
        const data = await response.json();
        if (typeof data.text === 'string' && counts.textContent !== data.text) counts.textContent = data.text;
      } catch {
        /* offline for a moment: the next tick tries again */
      }
    };
    setInterval(refresh, Number(counts.dataset.liveEvery) || 4000);
    document.addEventListener('visibilitychange', refresh);
  }

  // Live template preview: the server checks and renders what is typed; the Preview button stays.
  for (const form of document.querySelectorAll('form[data-live-preview]')) {
    const section = form.parentElement;
    const hint = section.querySelector('[data-live-hint]');
    const problem = section.querySelector('[data-preview-problem]');
    const preview = section.querySelector('[data-preview]');
    const none = section.querySelector('[data-preview-none]');
    if (!problem || !preview || !none) continue;
    if (hint) hint.hidden = false;
    let timer;
    let latest = 0;
    const update = async () => {
      const asked = ++latest;
      const body = new URLSearchParams();
      body.set('subject', form.elements.subject.value);
      body.set('body', form.elements.body.value);
      try {
        const response = await fetch(form.dataset.livePreview, {
          method: 'POST',
          headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
          body,
        });
        if (!response.ok || asked !== latest) return;
        const data = await response.json();
        if (asked !== latest) return;
        problem.hidden = data.ok;
        problem.textContent = data.ok ? '' : data.problem;
        preview.hidden = !data.ok;
        none.hidden = data.ok;
        if (data.ok) {
          preview.querySelector('[data-preview-subject]').textContent = data.subject;
          preview.querySelector('[data-preview-text]').textContent = data.text;
        }
      } catch {
        /* the Preview button still works */
      }
    };
    form.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(update, 300);
    });
  }
});
