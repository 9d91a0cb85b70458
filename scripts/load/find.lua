-- wrk: the no-JavaScript locator search, with a few different districts and filters.
local bodies = { "q=HD1", "q=WF13+1AB", "q=Dewsbury&show=safezones", "q=LS1&open=yes", "q=HD8&for=men" }
local i = 0
request = function()
  i = i % #bodies + 1
  return wrk.format("POST", "/find",
    { ["Content-Type"] = "application/x-www-form-urlencoded" }, bodies[i])
end
