-- Neovim 0.7 (Debian) as an LSP client of `termshift lsp --stdio`, headless. Run by run.ts with
-- TERMSHIFT_CLI (dist/cli.js) and TERMSHIFT_WORKSPACE (a fresh copy of the fixture workspace).
-- Exits 0 when every check passes, 1 at the first failure. Waits are vim.wait on a condition.
local cli = assert(os.getenv('TERMSHIFT_CLI'), 'TERMSHIFT_CLI')
local root = assert(os.getenv('TERMSHIFT_WORKSPACE'), 'TERMSHIFT_WORKSPACE')
local node = os.getenv('TERMSHIFT_NODE') or 'node'
local timeout_ms = 20000

local function say(line) io.stdout:write(line .. '\n') end

-- Raw LSP diagnostics as the server published them, per URI, and the document version they are for.
local published, published_version = {}, {}

local function start_server()
  local id = vim.lsp.start_client({
    name = 'termshift',
    cmd = { node, cli, 'lsp', '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'webchat' } },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        published[result.uri] = result.diagnostics
        published_version[result.uri] = result.version
        return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      end,
    },
  })
  assert(id, 'the server starts')
  return id
end

local function open(rel)
  vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/' .. rel))
  vim.bo.filetype = 'go'
  return vim.api.nvim_get_current_buf(), vim.uri_from_fname(root .. '/' .. rel)
end

-- True once the server has published diagnostics for the buffer's current version (not the
-- workspace scan's, which carry no version: Neovim drops their `data.version = null`).
local function current(bufnr, uri)
  return published_version[uri] ~= nil and published_version[uri] == vim.lsp.util.buf_versions[bufnr]
end

local function legacy(uri)
  local out = {}
  for _, d in ipairs(published[uri] or {}) do
    if d.severity and d.severity <= 2 then table.insert(out, d) end
  end
  return out
end

local function wait_for(what, cond)
  if not vim.wait(timeout_ms, cond, 20) then error('timed out waiting for ' .. what, 0) end
end

local function quick_fix(client, bufnr, uri, diagnostic)
  local params = {
    textDocument = { uri = uri },
    range = diagnostic.range,
    context = { diagnostics = { diagnostic }, only = { 'quickfix' } },
  }
  local reply = client.request_sync('textDocument/codeAction', params, timeout_ms, bufnr)
  assert(reply and not reply.err, 'textDocument/codeAction answered: ' .. vim.inspect(reply))
  for _, action in ipairs(reply.result or {}) do
    if action.kind == 'quickfix' and action.edit then return action end
  end
  error('no quick fix with an edit in ' .. vim.inspect(reply.result) .. ' for ' .. vim.inspect(diagnostic), 0)
end

local function line(bufnr, n) return vim.api.nvim_buf_get_lines(bufnr, n, n + 1, true)[1] end

local function run()
  local id = start_server()
  local client = vim.lsp.get_client_by_id(id)

  -- 1. Diagnostics for a Go file.
  local buf, uri = open('pkg/webchat/conversation.go')
  vim.lsp.buf_attach_client(buf, id)
  wait_for('three legacy diagnostics in conversation.go', function() return current(buf, uri) and #legacy(uri) == 3 end)
  say('ok - diagnostics for conversation.go: ' .. #legacy(uri))
  assert(#vim.diagnostic.get(buf) >= 3, 'Neovim shows them')

  -- 2. The quick fix for the struct field, applied as Neovim applies workspace edits.
  local field
  for _, d in ipairs(legacy(uri)) do
    if d.range.start.line == 7 and d.range.start.character == 1 then field = d end
  end
  assert(field, 'a diagnostic on RunID at 8:2')
  local action = quick_fix(client, buf, uri, field)
  vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
  local want = '\tSessionID     string `json:"run_id"`'
  assert(line(buf, 7) == want, 'line 8 after the fix: ' .. vim.inspect(line(buf, 7)))
  say('ok - quick fix applied: ' .. action.title)

  -- 3. The diagnostic clears once the server sees the edit.
  wait_for('the fixed diagnostic to clear', function()
    local left = legacy(uri)
    if not current(buf, uri) or #left ~= 2 then return false end
    for _, d in ipairs(left) do
      if d.range.start.line == 7 and d.range.start.character == 1 then return false end
    end
    return true
  end)
  say('ok - the diagnostic cleared, 2 left')

  -- 4. UTF-16 positions after an astral character (the rocket is two code units).
  local gbuf, guri = open('pkg/webchat/greeting.go')
  vim.lsp.buf_attach_client(gbuf, id)
  wait_for('a diagnostic in greeting.go', function() return current(gbuf, guri) and #legacy(guri) == 1 end)
  local gaction = quick_fix(client, gbuf, guri, legacy(guri)[1])
  vim.lsp.util.apply_workspace_edit(gaction.edit, 'utf-16')
  local gwant = 'func greet(c *Conversation) string { return "🚀 welcome back, " + c.SessionID }'
  assert(line(gbuf, 3) == gwant, 'greeting.go line 4 after the fix: ' .. vim.inspect(line(gbuf, 3)))
  wait_for('greeting.go to be clean', function() return current(gbuf, guri) and #legacy(guri) == 0 end)
  say('ok - quick fix after an astral character')

  vim.lsp.stop_client(id)
end

local ok, err = pcall(run)
if ok then
  say('neovim: all checks passed')
  vim.cmd('qall!')
else
  io.stderr:write('not ok - ' .. tostring(err) .. '\n')
  vim.cmd('cquit 1')
end
