-- wrk script for `make bench`: every request a new comment (its own e-mail
-- and text), so none is taken for a double submission.  The form token and
-- path come from scripts/bench.sh; BENCH_RUN keeps runs apart.
local token = os.getenv("BENCH_TOKEN")
local path = os.getenv("BENCH_PATH")
local run = os.getenv("BENCH_RUN") or "0"
local n = 0

request = function()
	n = n + 1
	local body = "token=" .. token ..
		"&kind=comment&name=Bench+Resident" ..
		"&email=bench-" .. run .. "-" .. n .. "%40example.com" ..
		"&text=Bench+comment+" .. run .. "-" .. n ..
		"+%D0%B7+%D1%82%D0%B5%D0%BA%D1%81%D1%82%D0%BE%D0%BC" ..
		"&consent=yes"
	return wrk.format("POST", path,
		{ ["Content-Type"] = "application/x-www-form-urlencoded" }, body)
end
