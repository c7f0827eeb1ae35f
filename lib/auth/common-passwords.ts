// Passwords that appear near the top of public breach corpora (and obvious variants that meet the
// 12-character minimum). A short, shipped list: no network lookup, nothing sent anywhere.
const COMMON_PASSWORDS = new Set([
  '123456', '123456789', '12345678', '1234567890', '123456789012', '1234567890123', '12345678910', '123123123123',
  '111111111111', '000000000000', '123412341234', '098765432109', '0987654321', '987654321', '9876543210', '147258369',
  'password', 'password1', 'password12', 'password123', 'password1234', 'password12345', 'password123!', 'password!123',
  'passw0rd', 'passw0rd1234', 'p@ssw0rd', 'p@ssword1234', 'p@ssw0rd1234', 'passwordpassword', 'mypassword123',
  'password2024', 'password2025', 'password2026', 'newpassword123', 'changeme123!', 'changemenow1', 'letmein12345',
  'letmeinplease', 'welcome12345', 'welcome123456', 'welcometothejungle', 'iloveyou1234', 'iloveyou123456', 'iloveyouforever',
  'qwerty', 'qwerty123', 'qwertyuiop', 'qwertyuiop123', 'qwertyuiop1234', 'qwerty123456', 'qwertyqwerty', '1q2w3e4r5t6y',
  '1qaz2wsx3edc', 'zaq12wsxcde3', 'asdfghjkl123', 'asdfghjkl1234', 'asdfasdfasdf', 'zxcvbnm12345', 'qazwsxedcrfv',
  'abc123', 'abcdefghijkl', 'abcdefgh1234', 'abcd1234abcd', 'abc123abc123', 'aaaaaaaaaaaa', 'monkey123456', 'dragon123456',
  'football1234', 'baseball1234', 'basketball12', 'superman1234', 'batman123456', 'starwars1234', 'pokemon12345',
  'sunshine1234', 'princess1234', 'trustno1trustno1', 'whatever1234', 'shadow123456', 'master123456', 'michael12345',
  'jennifer1234', 'jordan232323', 'liverpool123', 'chelsea12345', 'arsenal12345', 'manchester12', 'computer1234',
  'internet1234', 'administrator', 'admin1234567', 'administrator1', 'adminadmin12', 'rootroot1234', 'test12345678',
  'testtesttest', 'guest1234567', 'summer202020', 'winter2024!!', 'spring2025!!', 'autumn2025!!', 'january2026!',
  'correcthorsebatterystaple', 'thequickbrownfox', 'onetwothreefour', 'letmeinletmein', 'hello1234567', 'helloworld123',
  'goodmorning1', 'happyday1234', 'freedom12345', 'blessed12345', 'jesus1234567', 'godisgood123', 'loveyou123456',
  'mustang12345', 'matrix123456', 'ginger123456', 'charlie12345', 'buster123456', 'killer123456', 'hunter123456',
  'limber123456', 'limberlimber', 'stretch12345', 'backpain1234', 'physio123456', 'therapist123',
  // Short stems: with digits or symbols appended they reach 12 characters ("letmein!!!!!").
  'letmein', 'welcome', 'iloveyou', 'monkey', 'dragon', 'sunshine', 'princess', 'football', 'baseball', 'superman',
  'trustno1', 'admin', 'login', 'master', 'hello', 'freedom', 'whatever', 'shadow', 'michael', 'starwars', 'pokemon',
  'computer', 'internet', 'changeme', 'limber', 'stretch', 'backpain', 'physio', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm',
]);

/** True when the password is on the list (case-insensitive) or is one character class repeated ("aaaa…", "1212…"). */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return true;
  // Strip one trailing run of digits/symbols ("password1234!!" → "password"); a listed stem plus padding is still guessable.
  const stem = lower.replace(/[\d!@#$%^&*.?_-]+$/, '');
  if (stem.length >= 4 && COMMON_PASSWORDS.has(stem)) return true;
  return new Set(lower).size < 4;
}
