import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUuid } from '@yvc/core';
import { EntityManager, In, Repository } from 'typeorm';
import { Unit } from './unit.entity';
import { UnitNode, flattenUnitTree } from './unit-tree';

@Injectable()
export class UnitsService {
  constructor(@InjectRepository(Unit) private readonly units: Repository<Unit>) {}

  /** Creates or updates the units of a tree file by code; running it twice changes nothing. */
  async importTree(root: UnitNode, manager: EntityManager = this.units.manager): Promise<number> {
    let written = 0;
    for (const node of flattenUnitTree(root)) {
      const rows: Array<{ id: string }> = await manager.query(
        `INSERT INTO units (code, level, parent_id, name_kk, name_ru, name_en)
         VALUES ($1, $2, (SELECT id FROM units WHERE code = $3), $4, $5, $6)
         ON CONFLICT (code) DO UPDATE SET level = EXCLUDED.level, parent_id = EXCLUDED.parent_id,
           name_kk = EXCLUDED.name_kk, name_ru = EXCLUDED.name_ru, name_en = EXCLUDED.name_en
         WHERE (units.level, units.parent_id, units.name_kk, units.name_ru, units.name_en)
           IS DISTINCT FROM (EXCLUDED.level, EXCLUDED.parent_id, EXCLUDED.name_kk, EXCLUDED.name_ru, EXCLUDED.name_en)
         RETURNING id`,
        [node.code, node.level, node.parentCode, node.name.kk, node.name.ru, node.name.en],
      );
      written += rows.length;
    }
    return written;
  }

  /** Regions first, then cities, then districts; by code within a level. */
  findAll(): Promise<Unit[]> {
    return this.units
      .createQueryBuilder('u')
      .orderBy(`array_position(ARRAY['REGION','CITY','DISTRICT']::unit_level[], u.level)`)
      .addOrderBy('u.code')
      .getMany();
  }

  findByCode(code: string): Promise<Unit | null> {
    return this.units.findOneBy({ code });
  }

  findById(id: string): Promise<Unit | null> {
    return isUuid(id) ? this.units.findOneBy({ id }) : Promise.resolve(null);
  }

  findByIds(ids: readonly string[]): Promise<Unit[]> {
    return ids.length ? this.units.findBy({ id: In(ids.filter(isUuid)) }) : Promise.resolve([]);
  }

  findChildrenOf(parentIds: readonly string[]): Promise<Unit[]> {
    return parentIds.length
      ? this.units.find({ where: { parentId: In([...parentIds]) }, order: { code: 'ASC' } })
      : Promise.resolve([]);
  }

  /** Every unit id in the subtrees rooted at `rootIds` (roots included). */
  async subtreeIds(rootIds: readonly string[]): Promise<string[]> {
    if (!rootIds.length) return [];
    const rows: Array<{ id: string }> = await this.units.query(
      `SELECT DISTINCT d.id FROM units r JOIN units d ON d.code = r.code OR d.code LIKE r.code || '.%'
       WHERE r.id = ANY($1::uuid[])`,
      [rootIds],
    );
    return rows.map((r) => r.id);
  }
}
