// Common mail domains, for a hint when an address is one typo away from one. Real look-alikes
// (mail.com, ymail.com) are listed too, so they are never "corrected".
const common = 'gmail.com yahoo.com ymail.com hotmail.com outlook.com icloud.com mail.com qq.com'.split(' ');

// One letter added, dropped or changed, or two neighbours swapped.
function oneTypoApart(a: string, b: string): boolean {
  let i = 0;
  while (a[i] === b[i]) i++;
  const rest = (x: number, y: number) => a.slice(i + x) === b.slice(i + y);
  return rest(1, 1) || rest(1, 0) || rest(0, 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(2, 2));
}

/** The address with a common domain when it looks mistyped ("ann@gmail.con" → "ann@gmail.com"), else "". */
export function emailSuggestion(email: string): string {
  const at = email.lastIndexOf('@');
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase();
  if (at < 1 || common.includes(domain)) return '';
  const likely = common.find((candidate) => oneTypoApart(domain, candidate));
  return likely ? email.slice(0, at + 1) + likely : '';
}
