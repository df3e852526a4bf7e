import { FieldProblems, checkPlainText } from '@yvc/core';
import { InstitutionKind } from './club.entity';

export interface ClubDraft {
  name: string;
  institution?: string | null;
  institutionKind?: InstitutionKind | null;
}

/** Trims and checks a club's name and institution; throws BAD_USER_INPUT listing every problem. */
export function normalizeClubDraft(draft: ClubDraft): Required<ClubDraft> {
  const problems = new FieldProblems();
  const name = (draft.name ?? '').normalize('NFC').trim().replace(/\s+/g, ' ');
  if (name.length < 3) problems.add('name', 'validation.tooShort', { min: 3 });
  else if (name.length > 200) problems.add('name', 'validation.tooLong', { max: 200 });
  else checkPlainText(name, problems, 'name');
  const institution = draft.institution?.normalize('NFC').trim().replace(/\s+/g, ' ') || null;
  if (institution && institution.length > 300)
    problems.add('institution', 'validation.tooLong', { max: 300 });
  else if (institution) checkPlainText(institution, problems, 'institution');
  problems.throwIfAny();
  return {
    name,
    institution,
    institutionKind: institution ? (draft.institutionKind ?? InstitutionKind.OTHER) : null,
  };
}
