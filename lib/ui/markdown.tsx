import ReactMarkdown, { type Components } from 'react-markdown';

// Stored text (built-in articles, clinic articles, notes) is rendered to React elements, never
// to an HTML string: raw HTML is dropped (skipHtml), images and anything outside this list are
// not rendered, and links keep only http(s) and mailto targets. No script can run from it.
const ALLOWED = ['p', 'h2', 'h3', 'ul', 'ol', 'li', 'strong', 'em', 'a', 'blockquote', 'br', 'hr', 'code'];

const SAFE_URL = /^(https?:|mailto:)/i;

export function safeUrl(url: string): string {
  const trimmed = url.trim();
  return SAFE_URL.test(trimmed) ? trimmed : '';
}

const components: Components = {
  // The article title is the page's h1; headings inside the body start at h2.
  h1: ({ children }) => <h2>{children}</h2>,
  a: ({ href, children }) =>
    href ? (
      <a href={href} rel="noopener noreferrer nofollow" target="_blank">
        {children}
      </a>
    ) : (
      <>{children}</>
    ),
};

export function Markdown({ source, className }: { source: string; className?: string }) {
  return (
    <div className={className}>
      <ReactMarkdown skipHtml allowedElements={[...ALLOWED, 'h1']} unwrapDisallowed urlTransform={safeUrl} components={components}>
        {source}
      </ReactMarkdown>
    </div>
  );
}
