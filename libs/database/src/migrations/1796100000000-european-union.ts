import type { MigrationInterface, QueryRunner } from 'typeorm';

// The European Union negotiates and signs with countries as one party (Iran–EU talks, EU agreements), so it
// is a party like a country: ISO 3166-1 reserves EU for it ("exceptionally reserved"; alpha-3 EUE by the
// same reservation). Extraction reads it as a party; without this row linking would drop it.
export class EuropeanUnion1796100000000 implements MigrationInterface {
  name = 'EuropeanUnion1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `INSERT INTO country (code, alpha3, name_en, name_fa, name_ru, aliases) VALUES ('EU', 'EUE', 'European Union', 'اتحادیه اروپا', 'Европейский союз', '{EU,Евросоюз,ЕС}')
       ON CONFLICT (code) DO NOTHING`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM country WHERE code = 'EU'`);
  }
}
