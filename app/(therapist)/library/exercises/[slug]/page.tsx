import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/viewer';
import { getLibraryExercise } from '@/lib/dal/library';
import { ExerciseDetailView } from '@/lib/ui/exercise-detail';

export const metadata: Metadata = { title: 'Exercise' };

export default async function ExercisePage({ params }: { params: Promise<{ slug: string }> }) {
  const viewer = await requireViewer({ roles: ['therapist', 'admin'] });
  const exercise = await getLibraryExercise(viewer, (await params).slug);
  if (!exercise) notFound();
  return (
    <div className="main-narrow" style={{ margin: '0 auto' }}>
      <p className="small">
        <Link href="/library?tab=exercises">← Exercises</Link>
      </p>
      <h1>{exercise.name}</h1>
      <ExerciseDetailView exercise={exercise} />
    </div>
  );
}
