import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { sanitizeMarkdown, sanitizePlainText } from '@/lib/validation/sanitize-text';
import { Markdown } from './markdown';

// Script-injection payloads a therapist's article body could carry (pasted or malicious). Each one
// goes through the save-time sanitizer and then the app's Markdown renderer, as a stored article does.
const PAYLOADS: readonly string[] = [
  // Script tags, casings, spacing, encodings
  '<script>alert(1)</script>',
  '<SCRIPT>alert(1)</SCRIPT>',
  '<ScRiPt>alert(1)</sCrIpT>',
  '<script src="https://evil.example/x.js"></script>',
  '<script type="text/javascript">document.cookie</script>',
  '<script\n>alert(1)</script\n>',
  '<script/xss src=data:text/javascript,alert(1)></script>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<<script>script>alert(1)<</script>/script>',
  '<script>alert(1)',
  '%3Cscript%3Ealert(1)%3C/script%3E',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '\\<script>alert(1)</script>',
  'text before <script>alert(1)</script> text after',
  '```\n<script>alert(1)</script>\n```',
  '`<script>alert(1)</script>`',
  '> <script>alert(1)</script>',
  '- <script>alert(1)</script>',
  '# <script>alert(1)</script>',
  // Event handlers
  '<img src=x onerror=alert(1)>',
  '<IMG SRC=x ONERROR=alert(1)>',
  '<img src="x" onerror="alert(1)" />',
  '<img src=x onerror=alert(1)',
  '<img\nsrc=x\nonerror=alert(1)>',
  '<img alt=">" onerror="alert(1)" src=x>',
  '<body onload=alert(1)>',
  '<div onmouseover="alert(1)">hover me</div>',
  '<a href="#" onclick="alert(1)">click</a>',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror="alert(1)"></video>',
  '<marquee onstart=alert(1)>x</marquee>',
  '<p style="x" onpointerenter=alert(1)>hi</p>',
  // SVG, MathML, frames, objects
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<link rel="stylesheet" href="javascript:alert(1)">',
  // Style and CSS expressions
  '<style>body{background:url("javascript:alert(1)")}</style>',
  '<div style="width: expression(alert(1))">x</div>',
  '<style>@import "https://evil.example/x.css";</style>',
  // Comments, CDATA, declarations
  '<!--<img src=x onerror=alert(1)>-->',
  '<!--><script>alert(1)</script>-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<!DOCTYPE html><script>alert(1)</script>',
  '<?xml version="1.0"?><script>alert(1)</script>',
  // Markdown links and autolinks
  '[click](javascript:alert(1))',
  '[click](JAVASCRIPT:alert(1))',
  '[click]( javascript:alert(1) )',
  '[click](<javascript:alert(1)>)',
  '[click](javascript&#58;alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))',
  '[click](java\tscript:alert(1))',
  '[click](%6Aavascript:alert(1))',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](data:text/html,<script>alert(1)</script>)',
  '[click](javascript:alert(1) "title")',
  '[click](https://ok.example "x\\" onmouseover=\\"alert(1)")',
  '[a [nested] link](javascript:alert(1))',
  '[a]<b>(javascript:alert(1))',
  '<javascript:alert(1)>',
  '<vbscript:msgbox(1)>',
  '<data:text/html,<script>alert(1)</script>>',
  '<JAVASCRIPT:alert(1)>',
  // Images
  '![x](javascript:alert(1))',
  '![x](https://evil.example/pixel.png)',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![<img src=x onerror=alert(1)>](x)',
  // Reference-style links and images
  '[click][r]\n\n[r]: javascript:alert(1)',
  '[click][r]\n\n[r]: <javascript:alert(1)> "t"',
  '[r]\n\n[r]: vbscript:msgbox(1)',
  '![x][img]\n\n[img]: javascript:alert(1)',
  '[click][R]\n\n   [r]: data:text/html,<script>alert(1)</script>',
  // Links wrapping HTML, HTML wrapping links, broken nesting
  '[<img src=x onerror=alert(1)>](https://ok.example)',
  '<a href="javascript:alert(1)">[x](https://ok.example)</a>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href=javascript:alert(1)>click</a>',
  '<a href="jav&#x09;ascript:alert(1)">click</a>',
  '<a href="  javascript:alert(1)">click</a>',
  '<a xlink:href="javascript:alert(1)">x</a>',
  '<<img src=x onerror=alert(1)//<',
  '<img src=`x` onerror=alert(1)>',
  '<div><p>unclosed <b onclick=alert(1)>bold',
  '</script><script>alert(1)</script>',
  // Control and invisible characters around schemes and tags
  '[click](java\u0000script:alert(1))',
  '<scr\u0000ipt>alert(1)</script>',
  '[click](\u202Ejavascript:alert(1))',
  '\uFEFF<script>alert(1)</script>',
];

/** Every start tag in the rendered HTML. React escapes '<' in text, so each '<' here is a real tag. */
function tagsOf(html: string): string[] {
  return html.match(/<[a-z][^>]*>/gi) ?? [];
}

function render(source: string): string {
  return renderToStaticMarkup(createElement(Markdown, { source, className: 'reader-body' }));
}

describe('article Markdown: save-time sanitizer + renderer', () => {
  it('has a corpus of at least 50 distinct payloads', () => {
    expect(new Set(PAYLOADS).size).toBe(PAYLOADS.length);
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(50);
  });

  it.each(PAYLOADS.map((p) => [JSON.stringify(p).slice(0, 70), p]))('neutralizes %s', (_name, payload) => {
    for (const source of [sanitizeMarkdown(payload), `Intro paragraph.\n\n${sanitizeMarkdown(payload)}\n\nOutro.`]) {
      const html = render(source);
      const tags = tagsOf(html);
      expect(html).not.toMatch(/<script/i);
      for (const element of ['iframe', 'object', 'embed', 'style', 'img', 'svg', 'math', 'form', 'meta', 'base', 'link', 'input', 'video']) {
        expect(html).not.toMatch(new RegExp(`<${element}[\\s>/]`, 'i'));
      }
      for (const tag of tags) {
        expect(tag).not.toMatch(/\son\w+\s*=/i);
        expect(tag).not.toMatch(/\sstyle\s*=/i);
        const urls = [...tag.matchAll(/\s(?:href|src|action|formaction|xlink:href|data)\s*=\s*"([^"]*)"/gi)].map((m) => m[1] ?? '');
        for (const url of urls) expect(url).toMatch(/^(?:https?:\/\/|mailto:)/i);
      }
    }
  });

  it('the sanitizer alone leaves no raw tag, unsafe link target or control character in stored text', () => {
    for (const payload of PAYLOADS) {
      const stored = sanitizeMarkdown(payload);
      expect(stored, payload).not.toMatch(/(?<!\\)<\/?(?:script|iframe|img|svg|style|object|embed|a|div|body|math)\b/i);
      expect(stored, payload).not.toMatch(/\]\(\s*<?\s*(?:javascript|vbscript|data):/i);
      expect(stored, payload).not.toMatch(/^\s*\[[^\]]+\]:\s*<?(?:javascript|vbscript|data):/im);
      expect(stored, payload).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u202A-\u202E\uFEFF]/);
      expect(sanitizeMarkdown(stored), 'idempotent').toBe(stored);
    }
  });

  it('keeps ordinary Markdown: headings, lists, emphasis, safe links and autolinks', () => {
    const source = '## Why it helps\n\nMove **gently**, _often_.\n\n- one\n- two\n\nSee [the guide](https://example.org/guide) or <https://example.org> or <help@example.org>.\n\nPain < 5 is fine; 3 > 2.';
    expect(sanitizeMarkdown(source)).toBe(source);
    const html = render(sanitizeMarkdown(source));
    expect(html).toContain('<h2>Why it helps</h2>');
    expect(html).toContain('<strong>gently</strong>');
    expect(html).toContain('href="https://example.org/guide"');
    expect(html).toContain('href="mailto:help@example.org"');
    expect(html).toContain('Pain &lt; 5 is fine; 3 &gt; 2.');
  });

  it('turns unsafe links into their text and images into their alt text', () => {
    expect(sanitizeMarkdown('Try [this stretch](javascript:alert(1)) daily.')).toBe('Try this stretch daily.');
    expect(sanitizeMarkdown('![A man stretching](https://x.example/a.png)')).toBe('A man stretching');
    expect(sanitizeMarkdown('Hello <b onclick="x()">there</b>.')).toBe('Hello there.');
    expect(sanitizeMarkdown('Before<script>alert(1)</script>after')).toBe('Beforeafter');
  });

  it('plain text fields lose markup, control characters and line breaks', () => {
    expect(sanitizePlainText('  Back <b>pain</b>\n\tbasics<script>alert(1)</script>\u0007 ')).toBe('Back pain basics');
    expect(sanitizePlainText('<img src=x onerror=alert(1)>Title')).toBe('Title');
    expect(sanitizePlainText('Pain < 5 means mild')).toBe('Pain < 5 means mild');
  });
});
