import { relations } from 'drizzle-orm';
import { painCheckIns, readingAssignments, sessionLogs } from './activity';
import { clinics } from './clinics';
import { articleQuestions, articles, articleVersions, exercises, planTemplateItems, planTemplates } from './content';
import { patients } from './patients';
import { planItems, planRevisions, plans } from './plans';
import { users } from './users';

export const clinicsRelations = relations(clinics, ({ many }) => ({ users: many(users), patients: many(patients) }));
export const usersRelations = relations(users, ({ one }) => ({
  clinic: one(clinics, { fields: [users.clinicId], references: [clinics.id] }),
}));
export const patientsRelations = relations(patients, ({ one, many }) => ({
  user: one(users, { fields: [patients.id], references: [users.id] }),
  primaryTherapist: one(users, { fields: [patients.primaryTherapistId], references: [users.id] }),
  plans: many(plans),
  sessionLogs: many(sessionLogs),
  painCheckIns: many(painCheckIns),
  readingAssignments: many(readingAssignments),
}));
export const articlesRelations = relations(articles, ({ many }) => ({ versions: many(articleVersions) }));
export const articleVersionsRelations = relations(articleVersions, ({ one, many }) => ({
  article: one(articles, { fields: [articleVersions.articleId], references: [articles.id] }),
  questions: many(articleQuestions),
}));
export const articleQuestionsRelations = relations(articleQuestions, ({ one }) => ({
  version: one(articleVersions, { fields: [articleQuestions.articleVersionId], references: [articleVersions.id] }),
}));
export const planTemplatesRelations = relations(planTemplates, ({ many }) => ({ items: many(planTemplateItems) }));
export const planTemplateItemsRelations = relations(planTemplateItems, ({ one }) => ({
  template: one(planTemplates, { fields: [planTemplateItems.templateId], references: [planTemplates.id] }),
  exercise: one(exercises, { fields: [planTemplateItems.exerciseId], references: [exercises.id] }),
}));
export const plansRelations = relations(plans, ({ one, many }) => ({
  patient: one(patients, { fields: [plans.patientId], references: [patients.id] }),
  revisions: many(planRevisions),
  items: many(planItems),
}));
export const planRevisionsRelations = relations(planRevisions, ({ one, many }) => ({
  plan: one(plans, { fields: [planRevisions.planId], references: [plans.id] }),
  items: many(planItems),
}));
export const planItemsRelations = relations(planItems, ({ one }) => ({
  plan: one(plans, { fields: [planItems.planId], references: [plans.id] }),
  revision: one(planRevisions, { fields: [planItems.revisionId], references: [planRevisions.id] }),
  exercise: one(exercises, { fields: [planItems.exerciseId], references: [exercises.id] }),
}));
export const sessionLogsRelations = relations(sessionLogs, ({ one }) => ({
  patient: one(patients, { fields: [sessionLogs.patientId], references: [patients.id] }),
  planItem: one(planItems, { fields: [sessionLogs.planItemId], references: [planItems.id] }),
}));
export const painCheckInsRelations = relations(painCheckIns, ({ one }) => ({
  patient: one(patients, { fields: [painCheckIns.patientId], references: [patients.id] }),
}));
export const readingAssignmentsRelations = relations(readingAssignments, ({ one }) => ({
  patient: one(patients, { fields: [readingAssignments.patientId], references: [patients.id] }),
  articleVersion: one(articleVersions, { fields: [readingAssignments.articleVersionId], references: [articleVersions.id] }),
}));
