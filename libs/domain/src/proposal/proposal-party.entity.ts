import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Country } from '../country/country.entity.js';
import { Proposal } from './proposal.entity.js';

@Entity()
@Index(['countryCode', 'proposalId'])
export class ProposalParty {
  @PrimaryColumn('uuid')
  proposalId: string;

  @PrimaryColumn({ type: 'char', length: 2 })
  countryCode: string;

  @ManyToOne(() => Proposal, (proposal) => proposal.parties, { onDelete: 'CASCADE' })
  @JoinColumn()
  proposal: Relation<Proposal>;

  @ManyToOne(() => Country)
  @JoinColumn()
  country: Relation<Country>;
}
