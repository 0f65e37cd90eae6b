/**
 * Masks for contact personal data shown to roles without the right to see it. They keep what helps recognise a
 * record (the last digits, the mail domain, an initial) and never reveal a value's length.
 */

/** `13812345678` → `138****5678`; `+8613812345678` → `+861******5678`; short numbers keep their last 2 digits. */
export function maskPhone(phone: string): string {
  const plus = phone.startsWith('+') ? '+' : '';
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 8) return `${plus}${'*'.repeat(Math.max(0, digits.length - 2))}${digits.slice(-2)}`;
  return `${plus}${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** `john.doe@example.com` → `j***@example.com` */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${Array.from(email.slice(0, at))[0]}***${email.slice(at)}`;
}

/** `Wang Fang` → `W***`, `王芳` → `王***` */
export function maskName(name: string): string {
  const first = Array.from(name.trim())[0];
  return first === undefined ? '***' : `${first}***`;
}
