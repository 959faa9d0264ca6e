/**
 * python-slugify's defaults, which Prefect uses to derive names (e.g. the repo-token Secret of
 * interactive `prefect deploy`): transliterate to ASCII, lowercase, remove commas between digits,
 * turn every run of other characters into one `-`, and trim `-` from both ends.
 *
 * Transliteration covers Latin letters with diacritics (by Unicode decomposition) and the Latin
 * letters that do not decompose. python-slugify's `unidecode` also romanises other scripts
 * (Cyrillic, CJK, ...); here such characters become separators, so pass an explicit name for them.
 */
export function slugify(text: string): string {
  const ascii = decodeEntities(text)
    .replace(/[ßæÆøØœŒđĐłŁþÞðÐıĸŋŊ€£¥©®™°]/g, (c) => LATIN_EXTRAS[c] ?? c)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
  return ascii
    .toLowerCase()
    .replace(/(?<=\d),(?=\d)/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

const LATIN_EXTRAS: Record<string, string> = {
  ß: "ss", æ: "ae", Æ: "AE", ø: "o", Ø: "O", œ: "oe", Œ: "OE", đ: "d", Đ: "D", ł: "l", Ł: "L",
  þ: "th", Þ: "Th", ð: "d", Ð: "D", ı: "i", ĸ: "q", ŋ: "ng", Ŋ: "NG",
  // Symbols as text-unidecode spells them.
  "€": "EUR", "£": "PS", "¥": "Y", "©": "(c)", "®": "(r)", "™": "(tm)", "°": "deg",
};

/** python-slugify decodes HTML entities (named, decimal and hexadecimal) before anything else. */
function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] !== "#") return named[e.toLowerCase()] ?? m;
    const code = e[1].toLowerCase() === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return String.fromCodePoint(code);
  });
}
