-- wrk: the style sheet, the island loader and the WASM bundle, by the fingerprinted
-- names the pages use (scripts/load.sh reads them from the locator page into
-- ASSET_PATHS, separated by spaces).
local paths = {}
for path in string.gmatch(os.getenv("ASSET_PATHS") or "", "%S+") do
  table.insert(paths, path)
end
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], { ["Accept-Encoding"] = "br, gzip" })
end
