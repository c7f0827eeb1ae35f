'use client';
// recharts (≈ 115 kB gzip) loads only here, on chart pages, after the text equivalents have
// rendered on the server. Nothing on /login, Today or the reader imports this file.
import dynamic from 'next/dynamic';
import { ChartSkeleton } from './chart-card';

const loading = () => <ChartSkeleton />;

export const WeeklyAdherenceBars = dynamic(() => import('./recharts/weekly-adherence-bars'), { ssr: false, loading });
export const PerItemBars = dynamic(() => import('./recharts/per-item-bars'), { ssr: false, loading });
export const DailyPainLine = dynamic(() => import('./recharts/daily-pain-line'), { ssr: false, loading });
export const PainAroundSessionsLine = dynamic(() => import('./recharts/pain-around-sessions-line'), { ssr: false, loading });
export const ClinicAdherenceBars = dynamic(() => import('./recharts/clinic-adherence-bars'), { ssr: false, loading });
