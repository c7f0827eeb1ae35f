import type { Metadata } from 'next';
import Link from 'next/link';
import { requireViewer } from '@/lib/auth/viewer';
import { ArticleEditor } from '../../article-editor';

export const metadata: Metadata = { title: 'Write an article' };

export default async function NewArticlePage() {
  await requireViewer({ roles: ['therapist', 'admin'] });
  return (
    <div>
      <p className="small">
        <Link href="/library">← Library</Link>
      </p>
      <div className="page-header">
        <div>
          <h1>Write an article</h1>
          <p className="muted">It is saved as a draft that only clinicians at your clinic can see. Publish it when it is ready to assign.</p>
        </div>
      </div>
      <ArticleEditor initial={{ title: '', summary: '', body: '', takeaways: '', questions: [] }} cancelHref="/library" />
    </div>
  );
}
