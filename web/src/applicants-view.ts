/**
 * Applicants: upload a file, watch the job (large batches run in the background and
 * are polled), read each verdict with its conflicts and fit, admit an applicant.
 */
import type { ApplicantBatch, ApplicantResult, Job } from './api-types.ts';
import { h, scoreBar } from './dom.ts';
import { t, formatScore } from './i18n.ts';
import type { NetworkData } from './network-data.ts';

const TYPES: Readonly<Record<string, string>> = { csv: 'text/csv', json: 'application/json', jsonl: 'application/x-ndjson', ndjson: 'application/x-ndjson' };

export function renderApplicants(container: HTMLElement, data: NetworkData): () => void {
  let disposed = false;
  const file = h('input', { type: 'file', id: 'applicants-file', accept: '.csv,.json,.jsonl,.ndjson,text/csv,application/json' });
  const button = h('button', { type: 'submit', id: 'applicants-upload' }, t('upload'));
  const status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite', id: 'applicants-status' });
  const progress = h('progress', { id: 'applicants-progress', max: 1, value: 0, hidden: true, 'aria-label': t('applicantsTitle') });
  const results = h('div', { id: 'applicant-results', class: 'applicant-results' });
  const form = h(
    'form',
    { class: 'upload' },
    h('label', { for: 'applicants-file' }, t('applicantsFile')),
    file,
    button,
  );
  container.append(h('h1', {}, t('applicantsTitle')), h('p', { class: 'intro' }, t('applicantsIntro')), form, status, progress, results);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = file.files?.[0];
    if (!chosen) {
      status.textContent = t('chooseFile');
      return;
    }
    void upload(chosen);
  });

  const upload = async (chosen: File) => {
    button.disabled = true;
    results.replaceChildren();
    status.textContent = t('loading');
    try {
      const extension = chosen.name.split('.').pop()?.toLowerCase() ?? 'csv';
      const text = await chosen.text();
      const sent = await data.api.send<ApplicantBatch | { job: string; location: string }>('POST', '/applicants', { text, type: TYPES[extension] ?? 'text/csv' });
      if (sent.status === 202) {
        // A large batch: a background job; its last progress line stays as the record of the run.
        progress.hidden = false;
        const batch = await follow((sent.body as { job: string }).job);
        if (disposed) return;
        progress.hidden = true;
        showBatch(batch);
      } else {
        status.textContent = '';
        showBatch(sent.body as ApplicantBatch);
      }
    } catch (error) {
      status.textContent = t('error', { message: (error as Error).message });
    } finally {
      button.disabled = false;
    }
  };

  const follow = async (jobId: string): Promise<ApplicantBatch> => {
    for (;;) {
      const job = await data.api.get<Job>(`/jobs/${encodeURIComponent(jobId)}`);
      progress.max = Math.max(1, job.rows);
      progress.value = job.scored;
      status.textContent = t('jobProgress', { job: job.job, status: job.status, scored: job.scored, rows: job.rows });
      if (job.status === 'failed') throw new Error(t('jobFailed', { message: job.error ?? '' }));
      if (job.status === 'done' && job.result) return job.result;
      if (disposed) throw new Error('left the page');
      await new Promise((resolve) => setTimeout(resolve, 700));
    }
  };

  const showBatch = (batch: ApplicantBatch) => {
    const cards = batch.applicants.map((a) => applicantCard(a, batch.job, data));
    const rejected =
      batch.rejected.length > 0
        ? h(
            'section',
            { class: 'rejected' },
            h('h2', {}, t('rejectedRows')),
            h('ul', {}, ...batch.rejected.map((r) => h('li', {}, `${t('line', { line: r.line })}${r.field ? ` (${r.field})` : ''}: ${r.message}`))),
          )
        : null;
    const counts = (['accept', 'review', 'conflict'] as const).map((v) => `${batch.applicants.filter((a) => a.verdict === v).length} ${t(v)}`);
    const summary = h('p', { class: 'summary', id: 'applicants-summary' }, t('applicantsSummary', { count: batch.applicants.length, verdicts: counts.join(' · ') }));
    results.replaceChildren(summary, ...cards, ...(rejected ? [rejected] : []), ...batch.warnings.map((w) => h('p', { class: 'note' }, w)));
  };

  return () => {
    disposed = true;
  };
}

function applicantCard(a: ApplicantResult, job: string, data: NetworkData): HTMLElement {
  const admitStatus = h('span', { class: 'note', role: 'status', 'aria-live': 'polite' });
  const admit = h('button', { type: 'button', class: 'admit', 'data-admit': a.id }, t('admit', { name: a.name }));
  admit.addEventListener('click', async () => {
    admit.disabled = true;
    try {
      await data.api.request('POST', `/applicants/${encodeURIComponent(a.id)}/admit?job=${encodeURIComponent(job)}`);
      data.invalidate();
      admitStatus.textContent = t('admitted');
    } catch (error) {
      admit.disabled = false;
      admitStatus.textContent = t('error', { message: (error as Error).message });
    }
  });
  return h(
    'article',
    { class: `applicant ${a.verdict}`, 'data-applicant': a.id, 'aria-labelledby': `applicant-${a.id}` },
    h('h2', { id: `applicant-${a.id}` }, a.name, ' ', h('span', { class: `verdict ${a.verdict}` }, t(a.verdict))),
    scoreBar(t('fit'), a.fit, t('unknown'), 'fit'),
    a.conflicts.length > 0
      ? h(
          'p',
          { class: 'conflicts-line' },
          h('strong', {}, `${t('conflictsWith')}: `),
          ...a.conflicts.flatMap((c, i) => [i > 0 ? ', ' : '', h('a', { href: `#/member/${encodeURIComponent(c.member)}` }, c.name), ' ', h('span', { class: `badge ${c.level}` }, t(c.level))]),
        )
      : null,
    a.batchConflicts.length > 0 ? h('p', {}, h('strong', {}, `${t('batchRivals')}: `), a.batchConflicts.map((c) => `${c.name} (${t(c.level)})`).join(', ')) : null,
    a.topPartners.length > 0
      ? h('p', {}, h('strong', {}, `${t('topPartners')}: `), a.topPartners.slice(0, 3).map((p) => `${p.name} (${formatScore(p.score)})`).join(', '))
      : null,
    h('details', {}, h('summary', {}, t('reasons')), h('ul', { class: 'reasons' }, ...a.reasons.map((r) => h('li', {}, r)))),
    h('p', { class: 'actions' }, admit, ' ', admitStatus),
  );
}
