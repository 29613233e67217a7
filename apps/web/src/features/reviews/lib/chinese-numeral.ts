const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九: how a document numbers its parts. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones]!;
  return `${tens === 1 ? "" : DIGITS[tens]}十${ones === 0 ? "" : DIGITS[ones]}`;
}

/** A part's number as the language writes headings: 一、 in Chinese, 1. in English. */
export function sectionNumber(n: number, language: string): string {
  return language.startsWith("zh") ? `${chineseNumeral(n)}、` : `${n}. `;
}

/** A sub-part's number: （一） in Chinese, (1) in English. */
export function subsectionNumber(n: number, language: string): string {
  return language.startsWith("zh") ? `（${chineseNumeral(n)}）` : `(${n}) `;
}
