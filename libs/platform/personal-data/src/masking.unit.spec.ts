import { maskEmail, maskName, maskPhone } from './masking';

describe('masks', () => {
  it('keep the first 3 and last 4 digits of a phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+8613812345678')).toBe('+861******5678');
    expect(maskPhone('+14155552671')).toBe('+141****2671');
    expect(maskPhone('1234567')).toBe('*****67');
  });

  it('treat 8 digits as a full number and fewer as a short one', () => {
    expect(maskPhone('12345678')).toBe('123*5678');
    expect(maskPhone('+12345678')).toBe('+123*5678');
    expect(maskPhone('+1234567')).toBe('+*****67');
    expect(maskPhone('12')).toBe('12');
  });

  it('keep the first character and the domain of an e-mail address', () => {
    expect(maskEmail('john.doe@example.com')).toBe('j***@example.com');
    expect(maskEmail('王芳@例子.中国')).toBe('王***@例子.中国');
    expect(maskEmail('broken')).toBe('***');
    expect(maskEmail('@example.com')).toBe('***');
    expect(maskEmail('a@example.com')).toBe('a***@example.com');
  });

  it('keep the initial of a name and hide its length', () => {
    expect(maskName('Wang Fang')).toBe('W***');
    expect(maskName('王芳')).toBe('王***');
    expect(maskName('歐陽娜娜')).toBe('歐***');
    expect(maskName('')).toBe('***');
    expect(maskName('  Wang Fang')).toBe('W***');
    expect(maskName('   ')).toBe('***');
  });
});
