import { describe, expect, it } from 'vitest';
import { followUpIntent } from '../follow-up-intent.js';

describe('followUpIntent', () => {
  it.each([
    [['Sign the memorandum of understanding'], 'SIGN'],
    [['با امضای تفاهمنامهای رسمی'], 'SIGN'],
    [['با امضاي تفاهم‌نامه'], 'SIGN'], // Arabic yeh and a ZWNJ
    [['подписать меморандум'], 'SIGN'],
    [['Visit Iran'], 'VISIT'],
    [['برای سفر به ایران دعوت'], 'VISIT'],
    [['посетить Тегеран'], 'VISIT'],
    [['The next session of the joint commission'], 'MEET'],
    [['نشست بعدی کمیسیون مشترک'], 'MEET'],
    [['очередное заседание межправкомиссии'], 'MEET'],
    [['Exchange lists of films'], 'OTHER'],
    [['visit to sign the agreement'], 'SIGN'], // signing is the point of such a visit
  ] as const)('%j → %s', (texts, action) => {
    expect(followUpIntent([...texts])).toBe(action);
  });
});
