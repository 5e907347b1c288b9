import { passwordResetEmail, passwordResetLink } from './password-reset-email';

describe('passwordResetEmail', () => {
  const token = 'q3Vx1k_Zr-8bN0aP4sT7uW2yC5eG9iK1mO3qS6uX8zA';

  it('greets the member and gives the link to the reset page with the token', () => {
    const email = passwordResetEmail({
      recipientHandle: 'ada',
      publicUrl: 'https://community.example',
      token,
    });
    expect(email.subject).toBe('Reset your community password');
    expect(email.text).toContain('Hello @ada,');
    expect(email.text).toContain(`\nhttps://community.example/reset-password?token=${token}\n`);
    expect(email.text).toMatch(/within an hour/);
  });

  it('joins the public URL and the page with one slash', () => {
    expect(passwordResetLink('https://community.example/', token)).toBe(
      `https://community.example/reset-password?token=${token}`,
    );
    expect(passwordResetLink('https://example.com/community', token)).toBe(
      `https://example.com/community/reset-password?token=${token}`,
    );
  });
});
