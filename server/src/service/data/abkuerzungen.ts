/**
 * The abbreviation table (rule H6), loaded from data/abkuerzungen.json and
 * validated with zod: the file names its source and date.
 */
import { z } from 'zod';
import raw from '../../../../data/abkuerzungen.json';

export const AbkuerzungSchema = z.strictObject({
  abk: z.string().min(1),
  muster: z.string().min(1),
  voll: z.string().min(1).nullable(),
  hinweis: z.string().optional(),
  kontext: z.enum(['immer', 'nachZitat', 'nachZahl', 'keineFundstelle']),
});

export const AbkuerzungenFileSchema = z.strictObject({
  titel: z.string(),
  quelle: z.string().min(1),
  stand: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  hinweis: z.string().optional(),
  eintraege: z.array(AbkuerzungSchema).min(1),
});

export type Abkuerzung = z.infer<typeof AbkuerzungSchema>;

export const ABKUERZUNGEN = AbkuerzungenFileSchema.parse(raw);
