/**
 * What the pages of one network share, fetched once per sign-in: the members (cheap,
 * first), the concept names, the report (all pairs: seconds to a minute for large
 * networks) and the competitor pairs. A report that takes longer than the server's
 * request timeout (503) is asked for again: the server keeps computing it and caches it.
 */
import { ApiError, type ApiClient } from './api-client.ts';
import type { AreaNames, CompetitorPair, Concept, NetworkMember, NetworkReport, Policy } from './api-types.ts';
import { language } from './i18n.ts';

export class NetworkData {
  #roster?: Promise<{ readonly members: readonly NetworkMember[]; readonly policy: Policy }>;
  #concepts?: Promise<ReadonlyMap<string, Concept>>;
  #conceptResponse?: Promise<{ concepts: Concept[]; areaNames?: AreaNames }>;
  #report?: Promise<NetworkReport>;
  #competitors?: Promise<readonly CompetitorPair[]>;
  #competitorsLanguage?: string;
  #names = new Map<string, string>();

  constructor(
    readonly api: ApiClient,
    readonly network: string,
  ) {}

  members(): Promise<readonly NetworkMember[]> {
    return this.#fetchRoster().then((r) => r.members);
  }

  policy(): Promise<Policy> {
    return this.#fetchRoster().then((r) => r.policy);
  }

  #fetchRoster() {
    this.#roster ??= this.api.get<{ members: NetworkMember[]; policy: Policy }>(`/networks/${encodeURIComponent(this.network)}/members`).then((r) => {
      for (const m of r.members) this.#names.set(m.id, m.name);
      return r;
    });
    this.#roster.catch(() => (this.#roster = undefined));
    return this.#roster;
  }

  concepts(): Promise<ReadonlyMap<string, Concept>> {
    this.#concepts ??= this.#conceptList().then((r) => new Map(r.concepts.map((c) => [c.id, c])));
    return this.#concepts;
  }

  /** Each business area by name in the four languages (from the same answer as the concepts). */
  areaNames(): Promise<AreaNames> {
    return this.#conceptList().then((r) => r.areaNames ?? {});
  }

  #conceptList(): Promise<{ concepts: Concept[]; areaNames?: AreaNames }> {
    this.#conceptResponse ??= this.api.get<{ concepts: Concept[]; areaNames?: AreaNames }>('/concepts');
    this.#conceptResponse.catch(() => (this.#conceptResponse = undefined));
    return this.#conceptResponse;
  }

  report(onWaiting?: () => void): Promise<NetworkReport> {
    this.#report ??= this.#fetchReport(onWaiting);
    this.#report.catch(() => (this.#report = undefined));
    return this.#report;
  }

  async #fetchReport(onWaiting?: () => void): Promise<NetworkReport> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.api.get<NetworkReport>(`/networks/${encodeURIComponent(this.network)}/report`);
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 503) || attempt >= 20) throw error;
        onWaiting?.();
        await new Promise((resolve) => setTimeout(resolve, 2000));
      }
    }
  }

  /** The competitor pairs with their reasons in the interface language (fetched again when it changes). */
  competitors(): Promise<readonly CompetitorPair[]> {
    const lang = language();
    if (this.#competitorsLanguage !== lang) this.#competitors = undefined;
    this.#competitorsLanguage = lang;
    this.#competitors ??= this.api
      .get<{ pairs: CompetitorPair[] }>(`/networks/${encodeURIComponent(this.network)}/competitors?lang=${lang}`)
      .then((r) => r.pairs);
    this.#competitors.catch(() => (this.#competitors = undefined));
    return this.#competitors;
  }

  /** After a write (policy, admission), the derived answers are stale. */
  invalidate(): void {
    this.#roster = undefined;
    this.#report = undefined;
    this.#competitors = undefined;
  }

  /** A member's name once the members are loaded, else the id. */
  name(id: string): string {
    return this.#names.get(id) ?? id;
  }

  rememberName(id: string, name: string): void {
    this.#names.set(id, name);
  }

  /** A concept id in the interface language ("svc.payroll" → "Lönehantering"). */
  conceptLabel(concepts: ReadonlyMap<string, Concept>, id: string | null): string {
    if (!id) return '—';
    return concepts.get(id)?.labels[language()] ?? id.replace(/^[a-z]+\./, '').replace(/-/g, ' ');
  }
}
