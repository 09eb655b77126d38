// The API key is the session: from the `?key=` link the server prints (then removed from the address bar,
// so it is not bookmarked or shared), or from the login form. Kept in localStorage until "Sign out".

const STORAGE_KEY = 'dyad.apiKey';
// The key's role, stored beside it: a key keeps the role it was created with until it is revoked, so a stored key
// can open the app at once, without waiting for `{ me }` (a revoked one is refused by the first request).
const ROLE_KEY = 'dyad.apiKeyRole';

export type Role = 'VIEWER' | 'ANALYST' | 'ADMIN';
const ROLES: readonly string[] = ['VIEWER', 'ANALYST', 'ADMIN'];

export interface Session {
  key: string;
  role: Role;
  label: string | null;
}

let current: Session | null = null;

/** The key kept from an earlier visit, with its role when that was kept too. */
export function storedKey(): { key: string; role: Role | null } | null {
  try {
    const key = localStorage.getItem(STORAGE_KEY);
    const role = localStorage.getItem(ROLE_KEY);
    return key ? { key, role: role && ROLES.includes(role) ? (role as Role) : null } : null;
  } catch {
    return null;
  }
}

function storeSession(next: Session | null): void {
  try {
    if (next) {
      localStorage.setItem(STORAGE_KEY, next.key);
      localStorage.setItem(ROLE_KEY, next.role);
    } else {
      localStorage.removeItem(STORAGE_KEY);
      localStorage.removeItem(ROLE_KEY);
    }
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
  storeSession(next);
  document.documentElement.dataset.role = next?.role ?? '';
};

/** Analysts and admins write; a viewer key hides every write action. */
export const canWrite = () => current?.role === 'ANALYST' || current?.role === 'ADMIN';
