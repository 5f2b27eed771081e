/** Claims the client reads from an access token (it never verifies them: the server does). */
export interface AccessClaims {
  sub: string;
  sid: string;
  roles: string[];
  exp: number;
}

function base64UrlDecode(part: string): string {
  const base64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

/** Reads the payload of a JWT; null when it is not one. */
export function readAccessClaims(token: string): AccessClaims | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const parsed = JSON.parse(base64UrlDecode(payload)) as Record<string, unknown>;
    if (typeof parsed.sub !== 'string' || typeof parsed.sid !== 'string') return null;
    const roles = Array.isArray(parsed.roles) ? parsed.roles.filter((r): r is string => typeof r === 'string') : [];
    return { sub: parsed.sub, sid: parsed.sid, roles, exp: typeof parsed.exp === 'number' ? parsed.exp : 0 };
  } catch {
    return null;
  }
}
