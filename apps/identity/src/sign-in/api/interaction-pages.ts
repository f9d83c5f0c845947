import { escapeHtml, page } from '../oidc/provider-pages.js';

export function signInPage(uid: string, options: { error?: string; loginName?: string } = {}): string {
  const error = options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : '';
  return page(
    '登录减负平台',
    `<h1>登录减负平台</h1>${error}
<form method="post" action="/interaction/${escapeHtml(uid)}/login" autocomplete="on">
<label for="username">用户名</label>
<input id="username" name="username" autocomplete="username" required value="${escapeHtml(options.loginName ?? '')}">
<label for="password">密码</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">登录</button>
</form>`,
  );
}

export function changePasswordPage(uid: string, error?: string): string {
  const shown = error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : '';
  return page(
    '修改初始密码',
    `<h1>修改初始密码</h1><p>首次登录须设置新密码（至少 10 位，包含字母和数字）。</p>${shown}
<form method="post" action="/interaction/${escapeHtml(uid)}/password">
<label for="newPassword">新密码</label>
<input id="newPassword" name="newPassword" type="password" autocomplete="new-password" required>
<label for="confirmPassword">确认新密码</label>
<input id="confirmPassword" name="confirmPassword" type="password" autocomplete="new-password" required>
<button type="submit">保存并登录</button>
</form>`,
  );
}
