# Hromada build.  `make` builds the library and programs into build/;
# `make SAN=1` builds the ASan/UBSan variant into build/asan/.
# `make run` and `make test` are the two commands of the README.

# Where build output goes (never committed).
BUILD	?= build
ifeq ($(SAN),1)
BUILD	:= build/asan
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer \
	    -fno-sanitize-recover=undefined
endif

# Debian packages the code links with; flags come from pkg-config.
PKGS	 = fcgi libmariadb libctemplate libpcre2-8 libcmark jansson libsodium \
	   libcurl
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

WARN	 = -Wall -Wextra -Wformat=2 -Wshadow
# CI treats every warning as an error.
ifdef CI
WARN	+= -Werror
endif
CC	?= cc
CXX	?= c++
CFLAGS	?= -O2 -g
CXXFLAGS ?= -O2 -g
ALL_CFLAGS   = -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) $(SANFLAGS) \
	       $(PKG_CFLAGS) -Ilib -MMD -MP
ALL_CXXFLAGS = -std=c++11 $(WARN) $(CXXFLAGS) $(SANFLAGS) $(PKG_CFLAGS) \
	       -Ilib -MMD -MP
# ctemplate is C++: the programs need libstdc++ and threads at link time.
LDLIBS	 = $(PKG_LIBS) -lstdc++ -pthread -lm

LIB_C	 = $(wildcard lib/*.c)
LIB_CC	 = $(wildcard lib/*.cc)
LIB_OBJ	 = $(LIB_C:lib/%.c=$(BUILD)/obj/lib/%.o) \
	   $(LIB_CC:lib/%.cc=$(BUILD)/obj/lib/%.o)
LIBA	 = $(BUILD)/libhromada.a

PROGRAMS = list detail comment admin feed subscribe notify api stats agenda \
	   opendata
BINS	 = $(PROGRAMS:%=$(BUILD)/bin/%) $(BUILD)/bin/smtp-sink

UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

# Demo data size for `make demo` (consultations, comments).
N	?= 2000
COMMENTS ?= $(shell echo $$(( $(N) * 30 )))

.PHONY: all deps run test demo clean unit-tests bench fuzz valgrind

all: $(BINS)

deps:
	@scripts/deps.sh run

$(BUILD)/obj/lib/%.o: lib/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/obj/lib/%.o: lib/%.cc
	@mkdir -p $(@D)
	$(CXX) $(ALL_CXXFLAGS) -c -o $@ $<

$(LIBA): $(LIB_OBJ)
	@mkdir -p $(@D)
	rm -f $@
	ar rcs $@ $(LIB_OBJ)

$(BUILD)/obj/cgi-bin/%.o: cgi-bin/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/bin/%: $(BUILD)/obj/cgi-bin/%.o $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(SANFLAGS) -o $@ $< $(LIBA) $(LDLIBS)

# The admin program is built from admin.c and its parts (cgi-bin/admin.h).
ADMIN_PARTS = $(patsubst cgi-bin/%.c,$(BUILD)/obj/cgi-bin/%.o,\
	      $(wildcard cgi-bin/admin_*.c))

$(BUILD)/bin/admin: $(BUILD)/obj/cgi-bin/admin.o $(ADMIN_PARTS) $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(SANFLAGS) -o $@ $(BUILD)/obj/cgi-bin/admin.o $(ADMIN_PARTS) \
	    $(LIBA) $(LDLIBS)

# The local SMTP sink of `make run` and `make test` (scripts/smtp-sink.c):
# standalone, no library.
$(BUILD)/bin/smtp-sink: scripts/smtp-sink.c
	@mkdir -p $(@D)
	$(CC) -std=c11 -D_GNU_SOURCE $(WARN) $(CFLAGS) $(SANFLAGS) -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(LIBA) $(LDLIBS) \
	    $(shell pkg-config --cflags --libs cmocka 2>/dev/null)

unit-tests: $(UNIT_BIN)

run:
	@scripts/deps.sh run
	@$(MAKE) --no-print-directory all
	@scripts/stack.sh run

test:
	@scripts/deps.sh test
	@scripts/test.sh

valgrind: all
	@scripts/valgrind.sh

# The floor of the architecture for `make bench`: a FastCGI program of ours
# answering fixed bytes from memory.
$(BUILD)/obj/bench/%.o: bench/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/bin/floor: $(BUILD)/obj/bench/floor.o $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(SANFLAGS) -o $@ $< $(LIBA) $(LDLIBS)

# Matching one event to 100,000 subscriptions (scripts/bench-match.sh).
$(BUILD)/bin/bench-match: $(BUILD)/obj/bench/match.o $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(SANFLAGS) -o $@ $< $(LIBA) $(LDLIBS)

bench: all $(BUILD)/bin/floor $(BUILD)/bin/bench-match
	@scripts/bench.sh

# libFuzzer targets; `make fuzz FUZZ_SECONDS=600 FUZZ_TARGETS="md form"`.
FUZZ_SECONDS ?= 20
FUZZ_TARGETS ?=
fuzz:
	@FUZZ_SECONDS=$(FUZZ_SECONDS) scripts/fuzz.sh $(FUZZ_TARGETS)

demo:
	@scripts/db.sh start
	@scripts/db.sh demo $(N) $(COMMENTS)

clean:
	rm -rf build

-include $(LIB_OBJ:.o=.d) $(BINS:$(BUILD)/bin/%=$(BUILD)/obj/cgi-bin/%.d) \
	 $(ADMIN_PARTS:.o=.d)
-include $(BUILD)/obj/bench/floor.d $(BUILD)/obj/bench/match.d
