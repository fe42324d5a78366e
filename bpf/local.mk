# bpf/local.mk: compile the CO-RE probe with clang -target bpf and turn it
# into a libbpf skeleton that lib/capture/probe.c embeds. The skeleton is a
# build product: never distributed (nodist_ + CLEANFILES), always rebuilt.
BPF_CFLAGS = -g -O2 -target bpf -mcpu=v3 -D__TARGET_ARCH_$(BPF_ARCH) -Wall -Wno-unused-function \
	-I$(VMLINUX_DIR) -I$(top_srcdir)/bpf -I$(top_srcdir)/include
PROBE_SRC = bpf/stratocore.bpf.c
PROBE_HDRS = bpf/stratocore_events.h bpf/probe_helpers.bpf.h
EXTRA_DIST += $(PROBE_SRC) $(PROBE_HDRS) bpf/vmlinux/README

bpf/stratocore.bpf.o: $(PROBE_SRC) $(PROBE_HDRS) $(VMLINUX_H)
	@$(MKDIR_P) bpf
	$(AM_V_GEN)$(CLANG) $(BPF_CFLAGS) -c $(srcdir)/bpf/stratocore.bpf.c -o $@.tmp.o && \
	$(BPFTOOL) gen object $@.tmp $@.tmp.o && rm -f $@.tmp.o && mv $@.tmp $@

lib/capture/stratocore.skel.h: bpf/stratocore.bpf.o
	@$(MKDIR_P) lib/capture
	$(AM_V_GEN)$(BPFTOOL) gen skeleton bpf/stratocore.bpf.o name strato_probe > $@.tmp && mv $@.tmp $@

BUILT_SOURCES += lib/capture/stratocore.skel.h
CLEANFILES += bpf/stratocore.bpf.o lib/capture/stratocore.skel.h

# Maintainers only: refresh the pinned kernel types (see bpf/vmlinux/README).
update-vmlinux:
	$(BPFTOOL) btf dump file /sys/kernel/btf/vmlinux format c > $(srcdir)/bpf/vmlinux/$(BPF_ARCH)/vmlinux.h
.PHONY: update-vmlinux
