import { toASCII, toUnicode } from 'tr46';
import unhomoglyph from 'unhomoglyph';

// Every Unicode script, for computing a label's script set with \p{Script_Extensions=…}.
const SCRIPTS =
  'Adlam Ahom Anatolian_Hieroglyphs Arabic Armenian Avestan Balinese Bamum Bassa_Vah Batak Bengali Bhaiksuki Bopomofo Brahmi Braille Buginese Buhid Canadian_Aboriginal Carian Caucasian_Albanian Chakma Cham Cherokee Chorasmian Coptic Cuneiform Cypriot Cypro_Minoan Cyrillic Deseret Devanagari Dives_Akuru Dogra Duployan Egyptian_Hieroglyphs Elbasan Elymaic Ethiopic Georgian Glagolitic Gothic Grantha Greek Gujarati Gunjala_Gondi Gurmukhi Han Hangul Hanifi_Rohingya Hanunoo Hatran Hebrew Hiragana Imperial_Aramaic Inscriptional_Pahlavi Inscriptional_Parthian Javanese Kaithi Kannada Katakana Kawi Kayah_Li Kharoshthi Khitan_Small_Script Khmer Khojki Khudawadi Lao Latin Lepcha Limbu Linear_A Linear_B Lisu Lycian Lydian Mahajani Makasar Malayalam Mandaic Manichaean Marchen Masaram_Gondi Medefaidrin Meetei_Mayek Mende_Kikakui Meroitic_Cursive Meroitic_Hieroglyphs Miao Modi Mongolian Mro Multani Myanmar Nabataean Nag_Mundari Nandinagari New_Tai_Lue Newa Nko Nushu Nyiakeng_Puachue_Hmong Ogham Ol_Chiki Old_Hungarian Old_Italic Old_North_Arabian Old_Permic Old_Persian Old_Sogdian Old_South_Arabian Old_Turkic Old_Uyghur Oriya Osage Osmanya Pahawh_Hmong Palmyrene Pau_Cin_Hau Phags_Pa Phoenician Psalter_Pahlavi Rejang Runic Samaritan Saurashtra Sharada Shavian Siddham SignWriting Sinhala Sogdian Sora_Sompeng Soyombo Sundanese Syloti_Nagri Syriac Tagalog Tagbanwa Tai_Le Tai_Tham Tai_Viet Takri Tamil Tangsa Tangut Telugu Thaana Thai Tibetan Tifinagh Tirhuta Toto Ugaritic Vai Vithkuqi Wancho Warang_Citi Yezidi Yi Zanabazar_Square'
    .split(' ')
    .map((name) => [name, new RegExp(`^\\p{Script_Extensions=${name}}$`, 'u')] as const);
const ANY_SCRIPT = /^[\p{Script_Extensions=Common}\p{Script_Extensions=Inherited}]$/u;
// UTS #39 augments these so Japanese, Korean and Chinese writing counts as one script each.
const AUGMENTED: Record<string, string[]> = {
  Han: ['Jpan', 'Kore', 'Hanb'],
  Hiragana: ['Jpan'],
  Katakana: ['Jpan'],
  Hangul: ['Kore'],
  Bopomofo: ['Hanb'],
};

/** The augmented script set of one character; null for Common/Inherited (fits any script). */
function scriptsOf(char: string): Set<string> | null {
  if (ANY_SCRIPT.test(char)) return null;
  const scripts = new Set<string>();
  for (const [name, pattern] of SCRIPTS) {
    if (!pattern.test(char)) continue;
    scripts.add(name);
    for (const extra of AUGMENTED[name] ?? []) scripts.add(extra);
  }
  return scripts;
}

/** The resolved script set (UTS #39 §5.1): scripts every character of `text` can belong to. */
function resolvedScripts(text: string): Set<string> | 'any' {
  let resolved: Set<string> | null = null;
  for (const char of text) {
    const scripts = scriptsOf(char);
    if (!scripts) continue;
    if (resolved) for (const script of resolved) if (!scripts.has(script)) resolved.delete(script);
    resolved ??= scripts;
  }
  return resolved ?? 'any';
}

/**
 * UTS #39 "highly restrictive": one script, or Latin with Han and Japanese kana, Korean hangul
 * or Chinese bopomofo. So `аcme` (Cyrillic а among Latin letters) is refused.
 */
function isHighlyRestrictive(label: string): boolean {
  const all = resolvedScripts(label);
  if (all === 'any' || all.size > 0) return true;
  const nonLatin = resolvedScripts([...label].filter((char) => !/\p{Script=Latin}/u.test(char)).join(''));
  return nonLatin === 'any' || ['Jpan', 'Kore', 'Hanb'].some((script) => nonLatin.has(script));
}

/** The UTS #39 skeleton: what a label looks like, with confusable characters folded to one form. */
const skeleton = (label: string) => unhomoglyph(label.normalize('NFD')).normalize('NFD');

/**
 * IDNA (UTS #46, non-transitional, STD3 rules, hyphen, joiner, bidi and length checks) of an
 * address's domain, as ASCII; null when it is not a valid domain or a label would mislead a
 * reader: mixed scripts, or non-ASCII letters that look exactly like an ASCII label.
 */
export function safeAsciiDomain(domain: string): string | null {
  const options = {
    checkBidi: true,
    checkHyphens: true,
    checkJoiners: true,
    useSTD3ASCIIRules: true,
    transitionalProcessing: false,
  };
  const ascii = toASCII(domain, { ...options, verifyDNSLength: true });
  if (!ascii) return null;
  const unicode = toUnicode(ascii, options);
  if (unicode.error) return null;
  for (const label of unicode.domain.split('.')) {
    if (/^[a-z0-9-]*$/.test(label)) continue;
    if (!isHighlyRestrictive(label)) return null;
    if (/^[a-z0-9-]+$/.test(skeleton(label))) return null;
  }
  return ascii;
}
