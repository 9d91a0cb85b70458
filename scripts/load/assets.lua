-- wrk: the style sheet, the island loader and the WASM bundle.
local paths = { "/pkg/site.css", "/pkg/site.js", "/pkg/site.wasm" }
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], { ["Accept-Encoding"] = "br, gzip" })
end
