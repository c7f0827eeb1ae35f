// Save-time sanitizer for clinic-written text. The renderer (lib/ui/markdown.tsx) already drops raw
// HTML and unsafe URLs; this is defence in depth, so stored text stays inert even if it is ever
// rendered some other way (an export, an e-mail, a future renderer). Pure and dependency-free, so
// the article editor can preview and score exactly what will be stored.

// C0/C1 controls (but tab and newline), zero-width space, bidi embeddings/overrides/isolates
// ("Trojan source" reordering) and the BOM.
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\u202A-\u202E\u2066-\u2069\uFEFF]/g;

// Elements whose content is code or markup, not prose: removed with everything inside them.
const DANGEROUS_BLOCK = /<(script|style|iframe|object|embed|applet|noscript|noembed|noframes|template|textarea|title|xmp|svg|math)\b(?:[^>"']|"[^"]*"|'[^']*')*>[\s\S]*?<\/\1\s*>/gi;

// Comments, CDATA, declarations and processing instructions; <scheme:...> autolinks; e-mail
// autolinks; and any complete start or end tag (attribute values may contain '>' when quoted).
const MARKUP = /<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<[!?][^>\n]*>?|<([a-z][a-z0-9+.-]*:[^\s<>]*)>|<([^\s<>@"']+@[^\s<>"']+)>|<\/?[a-z][a-z0-9-]*(?:[^>"'\n]|\n(?![ \t]*\n)|"[^"]*"|'[^']*')*>/gi;

// Only absolute http(s) and mailto targets survive, matching the renderer's safeUrl. Entity- or
// percent-encoded schemes ("&#106;avascript:") do not start with one of these, so they go too.
const SAFE_LINK_TARGET = /^(?:https?:\/\/|mailto:)/i;

const INLINE_LINK = /(!?)\[((?:[^[\]\\]|\\.|\[(?:[^[\]\\]|\\.)*\])*)\]\(\s*(<[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?\s*\)/g;
const REFERENCE_DEFINITION = /^ {0,3}\[(?:[^[\]\\]|\\.)+\]:[ \t]*(<[^<>\n]*>|\S+)[^\n]*$/gm;

const KEPT_AUTOLINK = /^<(?:(?:https?:\/\/|mailto:)[^\s<>]*|[^\s<>@"']+@[^\s<>"']+)>/i;

function isSafeTarget(raw: string): boolean {
  return SAFE_LINK_TARGET.test(raw.replace(/^<|>$/g, '').trim());
}

function stripMarkup(text: string, keepSafeAutolinks: boolean): string {
  let out = text;
  // Repeat until nothing changes: removing one tag can join the halves of another ("<scr<b>ipt>").
  for (let pass = 0; pass < 10; pass++) {
    const next = out.replace(DANGEROUS_BLOCK, '').replace(MARKUP, (match: string, autolink: string | undefined, email: string | undefined) => {
      if (autolink !== undefined) return keepSafeAutolinks && isSafeTarget(autolink) ? match : '';
      if (email !== undefined) return keepSafeAutolinks ? match : '';
      return '';
    });
    if (next === out) break;
    out = next;
  }
  return out;
}

/** Plain text fields (title, summary, takeaways, questions): no markup, no control characters, one line. */
export function sanitizePlainText(value: string): string {
  let out = value.replace(CONTROL_CHARS, '');
  for (let pass = 0; pass < 10; pass++) {
    const next = stripMarkup(out.replace(/\s+/g, ' '), false);
    if (next === out) break;
    out = next;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * Article Markdown: raw HTML removed (script/style/iframe/svg… with their content), links and
 * reference definitions with a target other than http(s)/mailto turned into their text, images
 * into their alt text, and any leftover "<" that could open a tag escaped so Markdown shows it
 * as a character. Idempotent.
 */
export function sanitizeMarkdown(value: string): string {
  let out = value.replace(/\r\n?/g, '\n').replace(CONTROL_CHARS, '');
  // Removing a tag can turn the text around it into a link ("[a]<b>(javascript:…)"), and
  // unwrapping a link can complete a tag, so both passes repeat until nothing changes.
  for (let pass = 0; pass < 10; pass++) {
    const next = stripMarkup(
      out
        .replace(INLINE_LINK, (match: string, bang: string, text: string, target: string) => (bang ? text : isSafeTarget(target) ? match : text))
        .replace(REFERENCE_DEFINITION, (match: string, target: string) => (isSafeTarget(target) ? match : '')),
      true,
    );
    if (next === out) break;
    out = next;
  }
  // An unclosed tag ("<img src=x onerror=…" with no ">") is escaped, unless already escaped.
  out = out.replace(/(\\*)<(?=[a-z!?/])/gi, (match: string, slashes: string, offset: number, whole: string) => {
    const isEscaped = slashes.length % 2 === 1;
    return isEscaped || KEPT_AUTOLINK.test(whole.slice(offset + slashes.length)) ? match : `${slashes}\\<`;
  });
  return out.trim();
}
