/**
 * The page's only way to the data: the HTTP API with the key entered at sign-in. The
 * key lives in sessionStorage (gone when the tab closes) and travels only in the
 * Authorization header, never in a URL.
 */
const KEY_ITEM = 'partnerfit.apiKey';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function storedKey(): string | null {
  return sessionStorage.getItem(KEY_ITEM);
}

export function storeKey(key: string | null): void {
  if (key) sessionStorage.setItem(KEY_ITEM, key);
  else sessionStorage.removeItem(KEY_ITEM);
}

export class ApiClient {
  constructor(
    private readonly key: string,
    private readonly base = new URL('./', location.href).pathname.replace(/\/$/, ''),
  ) {}

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  request<T>(method: string, path: string, body?: { readonly text: string; readonly type: string }): Promise<T> {
    return this.send<T>(method, path, body).then((r) => r.body);
  }

  async send<T>(method: string, path: string, body?: { readonly text: string; readonly type: string }): Promise<{ status: number; body: T }> {
    let response: Response;
    try {
      response = await fetch(`${this.base}${path}`, {
        method,
        headers: { authorization: `Bearer ${this.key}`, ...(body ? { 'content-type': body.type } : {}) },
        ...(body ? { body: body.text } : {}),
      });
    } catch (error) {
      throw new ApiError(0, `the server cannot be reached (${(error as Error).message})`);
    }
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (!response.ok) {
      const message = (json as { error?: string } | null)?.error ?? `${response.status} ${response.statusText}`;
      throw new ApiError(response.status, message);
    }
    return { status: response.status, body: json as T };
  }
}
