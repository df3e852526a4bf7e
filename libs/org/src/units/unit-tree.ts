import { Locale } from '@yvc/core';
import { Unit, UnitLevel } from './unit.entity';

/** The shape of data/zhambyl-units.json (and any other region's file). */
export interface UnitNode {
  code: string;
  level: keyof typeof UnitLevel;
  name: Record<Locale, string>;
  children?: UnitNode[];
}

export function unitName(unit: Pick<Unit, 'nameKk' | 'nameRu' | 'nameEn'>, locale: Locale): string {
  return locale === 'ru' ? unit.nameRu : locale === 'en' ? unit.nameEn : unit.nameKk;
}

/** True when `code` is `ancestor` itself or lies under it. */
export function isWithinUnit(code: string, ancestor: string): boolean {
  return code === ancestor || code.startsWith(`${ancestor}.`);
}

/** Parents before children, so each row's parent already exists when it is written. */
export function flattenUnitTree(
  root: UnitNode,
  parentCode: string | null = null,
): Array<UnitNode & { parentCode: string | null }> {
  return [{ ...root, parentCode }, ...(root.children ?? []).flatMap((c) => flattenUnitTree(c, root.code))];
}
