// The API key is the session: from the `?key=` link the server prints (then removed from the address bar,
// so it is not bookmarked or shared), or from the login form. Kept in localStorage until "Sign out".

const STORAGE_KEY = 'dyad.apiKey';

export type Role = 'VIEWER' | 'ANALYST' | 'ADMIN';

export interface Session {
  key: string;
  role: Role;
  label: string | null;
}

let current: Session | null = null;

export function storedKey(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function storeKey(key: string | null): void {
  try {
    if (key) localStorage.setItem(STORAGE_KEY, key);
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // private mode: the key lives for this page only
  }
}

/** Takes `?key=` off the address bar (history.replaceState) and returns it. */
export function takeKeyFromUrl(): string | null {
  const url = new URL(location.href);
  const key = url.searchParams.get('key');
  if (key === null) return null;
  url.searchParams.delete('key');
  history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return key.trim() || null;
}

export const session = () => current;
export const setSession = (next: Session | null) => {
  current = next;
  storeKey(next?.key ?? null);
  document.documentElement.dataset.role = next?.role ?? '';
};

/** Analysts and admins write; a viewer key hides every write action. */
export const canWrite = () => current?.role === 'ANALYST' || current?.role === 'ADMIN';
