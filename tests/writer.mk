# tests/writer.mk: rules of this subsystem (appends to the variables of Makefile.am).
