import { createRequire } from 'node:module';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const require = createRequire(import.meta.url);

// All ISO 3166-1 countries with their English, Persian and Russian names, from i18n-iso-countries
// rather than typed by hand. Re-running is harmless: rows are upserted.
export class SeedCountries1795661413549 implements MigrationInterface {
  name = 'SeedCountries1795661413549';

  async up(queryRunner: QueryRunner): Promise<void> {
    const countries = require('i18n-iso-countries') as typeof import('i18n-iso-countries');
    for (const lang of ['en', 'fa', 'ru']) countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
    const rows = Object.keys(countries.getAlpha2Codes()).map((code) => {
      const names = (lang: string) => (countries.getName(code, lang, { select: 'all' }) ?? []) as string[];
      const [en, fa, ru] = [names('en'), names('fa'), names('ru')];
      const aliases = [...new Set([...en.slice(1), ...fa.slice(1), ...ru.slice(1)])];
      return [code, countries.alpha2ToAlpha3(code), en[0] ?? code, fa[0] ?? en[0] ?? code, ru[0] ?? en[0] ?? code, aliases];
    });
    for (const row of rows) {
      await queryRunner.query(
        `INSERT INTO country (code, alpha3, name_en, name_fa, name_ru, aliases) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (code) DO UPDATE SET alpha3 = EXCLUDED.alpha3, name_en = EXCLUDED.name_en,
           name_fa = EXCLUDED.name_fa, name_ru = EXCLUDED.name_ru, aliases = EXCLUDED.aliases`,
        row,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM country`);
  }
}
