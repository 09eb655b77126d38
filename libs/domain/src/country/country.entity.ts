import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity()
export class Country {
  /** ISO 3166-1 alpha-2, upper case. */
  @PrimaryColumn({ type: 'char', length: 2 })
  code: string;

  @Column({ type: 'char', length: 3, unique: true })
  alpha3: string;

  @Column({ type: 'text' })
  nameEn: string;

  @Column({ type: 'text' })
  nameFa: string;

  @Column({ type: 'text' })
  nameRu: string;

  /** Other names in any of the three languages (official and short forms). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases: string[];
}
