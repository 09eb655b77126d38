import { describe, expect, it } from 'vitest';
import { actorNameKey, sameActorName, sharesActorName, storedActorKey } from './actor-names.js';

const same = (a: string, b: string) => sameActorName(actorNameKey(a), actorNameKey(b));

describe('actorNameKey', () => {
  it.each([
    ['طالبی‌متین', 'tlbmtn'],
    ['طالبیمتین', 'tlbmtn'], // the ZWNJ stripped, as real input often is
    ['Talebi-Matin', 'tlbmtn'],
    ['Талеби-Матин', 'tlbmtn'],
    ['Талеби-Матина', 'tlbmtn'], // genitive
    ['Асланом Бекмуратовым', 'slnbkmrtv'], // instrumental
    ['Mohammad Javad Zarif', 'mhmdjvdzrf'],
    ['محمدجواد ظریف', 'mhmdjvdzrf'], // d + j, not the Latin digraph dj
    ['Мохаммад Джавад Зариф', 'mhmdjvdzrf'],
    ['Mevlüt Çavuşoğlu', 'mvltcvxgl'],
    ['Zadeh', 'zd'],
    ['زاده', 'zd'],
    ['Заде', 'zd'],
  ])('%s → %s', (name, compact) => {
    expect(actorNameKey(name).compact).toBe(compact);
  });

  it.each([
    ['Dr. Masoud Pezeshkian', 'مسعود پزشکیان'],
    ['Mr. Zarif', 'Zarif'],
    ['سید عباس عراقچی', 'Abbas Araghchi'],
    ['آقای دکتر علی‌اکبر ولایتی', 'Ali Akbar Velayati'],
    ['г-н Аббас Арагчи', 'Abbas Araghchi'],
    ['His Excellency Seyed Abbas Araghchi', 'عباس عراقچی'],
  ])('leaves titles and honorifics out: %s ~ %s', (a, b) => {
    expect(actorNameKey(a).compact).toBe(actorNameKey(b).compact);
  });

  it('keeps the words of a name, for surname matching', () => {
    expect(actorNameKey('Ali Akbar Talebi-Matin').tokens).toEqual(['l', 'kbr', 'tlbmtn']);
    expect(storedActorKey('l kbr tlbmtn')).toEqual(actorNameKey('Ali Akbar Talebi-Matin'));
  });

  it('gives an empty key for a name of titles only', () => {
    expect(actorNameKey('Dr. Mr.').compact).toBe('');
    expect(same('Dr.', 'Mr.')).toBe(false);
  });
});

describe('sameActorName: one person in three scripts', () => {
  it.each([
    ['طالبی‌متین', 'Talebi-Matin'],
    ['طالبی‌متین', 'Талеби-Матин'],
    ['Talebi-Matin', 'Талеби-Матин'],
    ['علی‌اکبر طالبی‌متین', 'Ali Akbar Talebi Matin'],
    ['Ali Akbar Talebi-Matin', 'Али Акбар Талеби-Матин'],
    ['عباس عراقچی', 'Аббас Арагчи'], // ق as gh in Latin, г in Russian
    ['Abbas Araghchi', 'Abbas Araqchi'],
    ['موسوی', 'Mousavi'], // و a vowel, then a consonant
    ['Мусави', 'Mousavi'],
    ['خامنه‌ای', 'Khamenei'], // خ, kh and х are one sound
    ['Хаменеи', 'Khamenei'],
    ['حسین امیرعبداللهیان', 'Хосейн Амир Абдоллахиан'],
    ['Hossein Amir-Abdollahian', 'Hossein Amirabdollahian'],
    ['Zhumagali', 'ژوماغالی'],
    ['Жумагали', 'Zhumagali'],
    ['نورلان سیتکالی', 'Nurlan Seitkali'],
    ['Mohammad Javad Zarif', 'Zarif'], // a surname stands for the full name
    ['Ali Akbar Talebi-Matin', 'طالبی‌متین'],
  ])('%s = %s', (a, b) => {
    expect(same(a, b)).toBe(true);
  });
});

describe('sameActorName: different people with similar names stay apart', () => {
  it.each([
    ['Ali Ahmadi', 'Reza Ahmadi'], // one surname, two given names
    ['Ali Ahmadi', 'Mohammad Ali Ahmadi'], // a longer given name is not a shortening
    ['Ahmadi', 'Ahmadian'],
    ['Rezaei', 'Razavi'], // رضایی and رضوی
    ['رضایی', 'رضوی'],
    ['Mohammad Rezaei', 'محمد رضوی'],
    ['Mousavi', 'Mousavian'],
    ['Hassan Rouhani', 'Hassan Rahimi'],
    ['Talebi-Matin', 'Talebi'], // one part of a double surname is another family
    ['Ali', 'Ali Akbar Talebi-Matin'], // a given name alone says nothing
    ['Aref', 'Mohammad Reza Aref'], // a surname of two consonants is too short to stand alone
    ['Seitkali', 'Seitkaliev'],
    ['Нурлан Сейткали', 'Нурлан Сейтказиев'],
    ['Karim Massimov', 'Карим Мамин'],
  ])('%s ≠ %s', (a, b) => {
    expect(same(a, b)).toBe(false);
  });
});

describe('sharesActorName', () => {
  it('is true when any one person is on both lists', () => {
    const fa = ['علی‌اکبر طالبی‌متین', 'نورلان سیتکالی'].map(actorNameKey);
    const en = ['Nurlan Seitkali'].map(actorNameKey);
    const other = ['Nurlan Seitkaliev', 'Reza Ahmadi'].map(actorNameKey);
    expect(sharesActorName(fa, en)).toBe(true);
    expect(sharesActorName(fa, other)).toBe(false);
    expect(sharesActorName([], en)).toBe(false);
  });
});
