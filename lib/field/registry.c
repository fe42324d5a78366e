/* lib/field/registry.c: the field registry, the one table of every field's
 * name, type, flags and description that the field API, the filter
 * compiler, the formatter and docs/fields.md read; plus name lookup with
 * argument parsing and "did you mean" suggestions. */
#include "field/fields.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>

#define STRATO_FD_(n, t, fl, id, a, d)                                                                                 \
	{                                                                                                              \
		n, STRATO_PT_##t, fl, STRATO_F_##id, STRATO_FARG_##a, d                                                \
	}
#define STRATO_FO STRATO_FIELD_FILTER_ONLY
#define STRATO_AR STRATO_FIELD_ARG_REQUIRED
#define STRATO_AA STRATO_FIELD_ARG_ALLOWED
#define STRATO_DP STRATO_FIELD_DEPRECATED

const struct strato_field_def strato_field_defs[] = {
    /* evt: the event itself */
    STRATO_FD_("evt.num", UINT64, 0, EVT_NUM, NONE, "Event number, counted from 1 in the capture."),
    STRATO_FD_("evt.time", CHARBUF, 0, EVT_TIME, NONE, "Event time as local HH:MM:SS.nnnnnnnnn."),
    STRATO_FD_("evt.time.s", CHARBUF, 0, EVT_TIME_S, NONE, "Event time as local HH:MM:SS."),
    STRATO_FD_("evt.time.iso8601", CHARBUF, 0, EVT_TIME_ISO, NONE,
	       "Event time in ISO 8601 form (local time with its UTC offset), with nanoseconds."),
    STRATO_FD_("evt.datetime", CHARBUF, 0, EVT_DATETIME, NONE,
	       "Event date and local time, YYYY-MM-DD HH:MM:SS.nnnnnnnnn."),
    STRATO_FD_("evt.datetime.s", CHARBUF, 0, EVT_DATETIME_S, NONE, "Event date and local time to the second."),
    STRATO_FD_("evt.outputtime", CHARBUF, 0, EVT_OUTPUTTIME, NONE,
	       "Event time as the default output line shows it (as evt.time)."),
    STRATO_FD_("evt.rawtime", ABSTIME, 0, EVT_RAWTIME, NONE, "Event time in nanoseconds since the epoch."),
    STRATO_FD_("evt.rawtime.s", ABSTIME, 0, EVT_RAWTIME_S, NONE, "Whole seconds of evt.rawtime."),
    STRATO_FD_("evt.rawtime.ns", ABSTIME, 0, EVT_RAWTIME_NS, NONE, "Nanoseconds part of evt.rawtime."),
    STRATO_FD_("evt.reltime", RELTIME, 0, EVT_RELTIME, NONE, "Nanoseconds since the first event of the capture."),
    STRATO_FD_("evt.reltime.s", RELTIME, 0, EVT_RELTIME_S, NONE, "Whole seconds of evt.reltime."),
    STRATO_FD_("evt.reltime.ns", RELTIME, 0, EVT_RELTIME_NS, NONE, "Nanoseconds part of evt.reltime."),
    STRATO_FD_("evt.deltatime", RELTIME, 0, EVT_DELTATIME, NONE, "Nanoseconds since the previous event."),
    STRATO_FD_("evt.deltatime.s", RELTIME, 0, EVT_DELTATIME_S, NONE, "Whole seconds of evt.deltatime."),
    STRATO_FD_("evt.deltatime.ns", RELTIME, 0, EVT_DELTATIME_NS, NONE, "Nanoseconds part of evt.deltatime."),
    STRATO_FD_("evt.latency", RELTIME, STRATO_DP, EVT_LATENCY, NONE,
	       "Nanoseconds between the enter and the exit of the system call (0 when unknown)."),
    STRATO_FD_("evt.latency.s", RELTIME, STRATO_DP, EVT_LATENCY_S, NONE, "Whole seconds of evt.latency."),
    STRATO_FD_("evt.latency.ns", RELTIME, STRATO_DP, EVT_LATENCY_NS, NONE, "Nanoseconds part of evt.latency."),
    STRATO_FD_("evt.latency.human", CHARBUF, STRATO_DP, EVT_LATENCY_HUMAN, NONE,
	       "evt.latency as text with a unit, e.g. 1.5ms."),
    STRATO_FD_("evt.type", CHARBUF, 0, EVT_TYPE, NONE, "Event type name, e.g. open."),
    STRATO_FD_("evt.type.is", UINT32, STRATO_AR, EVT_TYPE_IS, NAME,
	       "1 if the event type is the argument (evt.type.is.open), else 0."),
    STRATO_FD_("syscall.type", CHARBUF, 0, SYSCALL_TYPE, NONE,
	       "System call name for system call events; no value for other events."),
    STRATO_FD_("evt.dir", CHARBUF, STRATO_DP, EVT_DIR, NONE, "Direction: '>' enter, '<' exit."),
    STRATO_FD_("evt.cpu", INT16, 0, EVT_CPU, NONE, "CPU that produced the event."),
    STRATO_FD_("evt.category", CHARBUF, 0, EVT_CATEGORY, NONE,
	       "Event category (file, net, ipc, process, memory, ...); I/O events take it from their fd."),
    STRATO_FD_("evt.args", CHARBUF, 0, EVT_ARGS, NONE,
	       "All arguments as name=value pairs, with names resolved from state."),
    STRATO_FD_("evt.info", CHARBUF, 0, EVT_INFO, NONE, "Event details; for system calls the same as evt.args."),
    STRATO_FD_("evt.arg", CHARBUF, STRATO_AR, EVT_ARG, INDEX_NAME,
	       "One argument as text, by name (evt.arg.fd) or position (evt.arg[0])."),
    STRATO_FD_("evt.rawarg", DYN, STRATO_AR, EVT_RAWARG, INDEX_NAME,
	       "One argument as its raw value (number or string), by name or position."),
    STRATO_FD_("evt.res", CHARBUF, 0, EVT_RES, NONE, "Result: SUCCESS, or the errno name when the call failed."),
    STRATO_FD_("evt.rawres", INT64, 0, EVT_RAWRES, NONE, "Result as a number."),
    STRATO_FD_("evt.failed", BOOL, 0, EVT_FAILED, NONE, "true if the call returned an error."),
    STRATO_FD_("evt.buffer", BYTEBUF, 0, EVT_BUFFER, NONE, "The data buffer of an I/O event."),
    STRATO_FD_("evt.buflen", UINT64, 0, EVT_BUFLEN, NONE, "Bytes transferred by an I/O event."),
    STRATO_FD_("evt.is_io", BOOL, 0, EVT_IS_IO, NONE, "true for events that read or write data."),
    STRATO_FD_("evt.is_io_read", BOOL, 0, EVT_IS_IO_READ, NONE, "true for events that read data."),
    STRATO_FD_("evt.is_io_write", BOOL, 0, EVT_IS_IO_WRITE, NONE, "true for events that write data."),
    STRATO_FD_("evt.io_dir", CHARBUF, 0, EVT_IO_DIR, NONE, "read or write for I/O events."),
    STRATO_FD_("evt.is_wait", BOOL, 0, EVT_IS_WAIT, NONE,
	       "true for events that make the thread wait (sleep, select, poll...)."),
    STRATO_FD_("evt.is_syslog", BOOL, 0, EVT_IS_SYSLOG, NONE, "true for writes to /dev/log."),
    STRATO_FD_("evt.count", UINT32, 0, EVT_COUNT, NONE, "1 for every event (for counting)."),
    STRATO_FD_("evt.count.error", UINT32, 0, EVT_COUNT_ERROR, NONE, "1 for events that returned an error."),
    STRATO_FD_("evt.count.exit", UINT32, 0, EVT_COUNT_EXIT, NONE, "1 for exit events."),
    STRATO_FD_("evt.is_open_read", BOOL, 0, EVT_IS_OPEN_READ, NONE, "true for open calls with read access."),
    STRATO_FD_("evt.is_open_write", BOOL, 0, EVT_IS_OPEN_WRITE, NONE, "true for open calls with write access."),
    STRATO_FD_("evt.is_open_exec", BOOL, 0, EVT_IS_OPEN_EXEC, NONE,
	       "true for open calls that create an executable file."),
    STRATO_FD_("evt.is_open_create", BOOL, 0, EVT_IS_OPEN_CREATE, NONE, "true for open calls with O_CREAT."),
    STRATO_FD_("evt.abspath", CHARBUF, STRATO_AA, EVT_ABSPATH, NAME,
	       "Absolute path from a dirfd and a relative path (argument src or dst for two-path calls)."),
    STRATO_FD_("evt.hostname", CHARBUF, 0, EVT_HOSTNAME, NONE, "Host name of the machine that was captured."),
    STRATO_FD_("evt.source", CHARBUF, 0, EVT_SOURCE, NONE, "Event source: syscall."),
    /* proc, thread */
    STRATO_FD_("proc.pid", INT64, 0, PROC_PID, NONE, "Process id."),
    STRATO_FD_("proc.ppid", INT64, 0, PROC_PPID, NONE, "Parent process id."),
    STRATO_FD_("proc.vpid", INT64, 0, PROC_VPID, NONE, "Process id in its own pid namespace."),
    STRATO_FD_("proc.pvpid", INT64, 0, PROC_PVPID, NONE, "Parent's process id in its own pid namespace."),
    STRATO_FD_("thread.tid", INT64, 0, THREAD_TID, NONE, "Thread id."),
    STRATO_FD_("thread.vtid", INT64, 0, THREAD_VTID, NONE, "Thread id in its own pid namespace."),
    STRATO_FD_("proc.name", CHARBUF, 0, PROC_NAME, NONE, "Process name (comm)."),
    STRATO_FD_("proc.exe", CHARBUF, 0, PROC_EXE, NONE, "First command line argument (argv[0])."),
    STRATO_FD_("proc.exepath", CHARBUF, 0, PROC_EXEPATH, NONE, "Full path of the executable."),
    STRATO_FD_("proc.args", CHARBUF, 0, PROC_ARGS, NONE, "Command line arguments after argv[0], space-separated."),
    STRATO_FD_("proc.cmdline", CHARBUF, 0, PROC_CMDLINE, NONE, "Process name and arguments."),
    STRATO_FD_("proc.exeline", CHARBUF, 0, PROC_EXELINE, NONE, "argv[0] and arguments."),
    STRATO_FD_("proc.cmdnargs", UINT64, 0, PROC_CMDNARGS, NONE, "Number of arguments after argv[0]."),
    STRATO_FD_("proc.cmdlenargs", UINT64, 0, PROC_CMDLENARGS, NONE, "Total length of the arguments after argv[0]."),
    STRATO_FD_("proc.env", CHARBUF, STRATO_AA, PROC_ENV, NAME,
	       "Environment, space-separated; with an argument (proc.env[HOME]) one variable's value."),
    STRATO_FD_("proc.cwd", CHARBUF, 0, PROC_CWD, NONE, "Working directory."),
    STRATO_FD_("proc.tty", UINT32, 0, PROC_TTY, NONE, "Controlling terminal (device number), 0 for none."),
    STRATO_FD_("proc.sid", INT64, 0, PROC_SID, NONE, "Session id."),
    STRATO_FD_("proc.sname", CHARBUF, 0, PROC_SNAME, NONE, "Name of the session leader."),
    STRATO_FD_("proc.pgid", INT64, 0, PROC_PGID, NONE, "Process group id."),
    STRATO_FD_("proc.vpgid", INT64, 0, PROC_VPGID, NONE, "Process group id in its own pid namespace."),
    STRATO_FD_("proc.vpgid.name", CHARBUF, 0, PROC_VPGID_NAME, NONE, "Name of the process group leader."),
    STRATO_FD_("proc.loginshellid", INT64, 0, PROC_LOGINSHELLID, NONE,
	       "pid of the oldest shell among the process's ancestors."),
    STRATO_FD_("proc.pname", CHARBUF, 0, PROC_PNAME, NONE, "Parent process name."),
    STRATO_FD_("proc.pcmdline", CHARBUF, 0, PROC_PCMDLINE, NONE, "Parent process name and arguments."),
    STRATO_FD_("proc.pexe", CHARBUF, 0, PROC_PEXE, NONE, "Parent's argv[0]."),
    STRATO_FD_("proc.pexepath", CHARBUF, 0, PROC_PEXEPATH, NONE, "Parent's executable path."),
    STRATO_FD_("proc.aname", CHARBUF, STRATO_AA, PROC_ANAME, INDEX,
	       "Name of the N-th ancestor (proc.aname[1] is the parent); without N, any ancestor (filters)."),
    STRATO_FD_("proc.apid", INT64, STRATO_AA, PROC_APID, INDEX, "pid of the N-th ancestor."),
    STRATO_FD_("proc.acmdline", CHARBUF, STRATO_AA, PROC_ACMDLINE, INDEX, "Command line of the N-th ancestor."),
    STRATO_FD_("proc.aexe", CHARBUF, STRATO_AA, PROC_AEXE, INDEX, "argv[0] of the N-th ancestor."),
    STRATO_FD_("proc.aexepath", CHARBUF, STRATO_AA, PROC_AEXEPATH, INDEX, "Executable path of the N-th ancestor."),
    STRATO_FD_("proc.is_exe_writable", BOOL, 0, PROC_IS_EXE_WRITABLE, NONE,
	       "true if the executable is writable by the process's user."),
    STRATO_FD_("proc.duration", RELTIME, 0, PROC_DURATION, NONE,
	       "Nanoseconds since the thread was created, counted from the clone event that made it; no "
	       "value for threads whose creation the capture did not see."),
    STRATO_FD_("proc.is_exe_upper_layer", BOOL, 0, PROC_IS_EXE_UPPER_LAYER, NONE,
	       "true if the executable lies in the upper (writable) layer of an overlayfs, e.g. a file a "
	       "container wrote; from the execve flags or the capture's thread table."),
    STRATO_FD_("proc.is_exe_from_memfd", BOOL, 0, PROC_IS_EXE_FROM_MEMFD, NONE,
	       "true if the executable is an anonymous memfd_create() file run through its fd (fileless "
	       "execution); from the execve flags, the thread table or the /proc snapshot."),
    STRATO_FD_("proc.is_sid_leader", BOOL, 0, PROC_IS_SID_LEADER, NONE, "true if the process leads its session."),
    STRATO_FD_("proc.is_vpgid_leader", BOOL, 0, PROC_IS_VPGID_LEADER, NONE,
	       "true if the process leads its process group (namespace ids)."),
    STRATO_FD_("proc.is_pgid_leader", BOOL, 0, PROC_IS_PGID_LEADER, NONE,
	       "true if the process leads its process group."),
    STRATO_FD_("proc.fdopencount", UINT64, 0, PROC_FDOPENCOUNT, NONE,
	       "Number of fds the process has open in the state."),
    STRATO_FD_("proc.fdlimit", INT64, 0, PROC_FDLIMIT, NONE, "Maximum number of fds the process may open."),
    STRATO_FD_("proc.vmsize", UINT64, 0, PROC_VMSIZE, NONE, "Virtual memory size in KiB, as last reported."),
    STRATO_FD_("proc.vmrss", UINT64, 0, PROC_VMRSS, NONE, "Resident memory in KiB, as last reported."),
    STRATO_FD_("proc.vmswap", UINT64, 0, PROC_VMSWAP, NONE, "Swapped memory in KiB, as last reported."),
    STRATO_FD_("proc.nthreads", UINT64, 0, PROC_NTHREADS, NONE, "Number of threads of the process in the state."),
    STRATO_FD_("proc.nchilds", UINT64, 0, PROC_NCHILDS, NONE,
	       "Number of threads of the process other than the main one."),
    STRATO_FD_("thread.ismain", BOOL, 0, THREAD_ISMAIN, NONE, "true for the main thread of a process."),
    STRATO_FD_("thread.cgroups", CHARBUF, 0, THREAD_CGROUPS, NONE,
	       "All cgroups of the thread, subsystem=path, space-separated."),
    STRATO_FD_("thread.cgroup", CHARBUF, STRATO_AR, THREAD_CGROUP, NAME,
	       "cgroup of one subsystem (thread.cgroup.cpuacct)."),
    STRATO_FD_("thread.cap_permitted", CHARBUF, 0, THREAD_CAP_PERMITTED, NONE, "Permitted capabilities (CAP_* names)."),
    STRATO_FD_("thread.cap_inheritable", CHARBUF, 0, THREAD_CAP_INHERITABLE, NONE,
	       "Inheritable capabilities (CAP_* names)."),
    STRATO_FD_("thread.cap_effective", CHARBUF, 0, THREAD_CAP_EFFECTIVE, NONE, "Effective capabilities (CAP_* names)."),
    STRATO_FD_("thread.pfmajor", UINT64, 0, THREAD_PFMAJOR, NONE, "Major page faults, as last reported."),
    STRATO_FD_("thread.pfminor", UINT64, 0, THREAD_PFMINOR, NONE, "Minor page faults, as last reported."),
    STRATO_FD_("thread.vmsize", UINT64, 0, THREAD_VMSIZE, NONE, "Virtual memory size in KiB (main thread only)."),
    STRATO_FD_("thread.vmrss", UINT64, 0, THREAD_VMRSS, NONE, "Resident memory in KiB (main thread only)."),
    /* fd */
    STRATO_FD_("fd.num", INT64, 0, FD_NUM, NONE, "The fd number the event uses."),
    STRATO_FD_("fd.type", CHARBUF, 0, FD_TYPE, NONE,
	       "fd type: file, directory, ipv4, ipv6, unix, pipe, event, signalfd, eventpoll, inotify, timerfd, "
	       "netlink, memfd, ..."),
    STRATO_FD_("fd.typechar", CHARBUF, 0, FD_TYPECHAR, NONE,
	       "fd type as one letter: f, d, 4, 6, u, p, e, s, l, i, t, n, m, b, r, ..."),
    STRATO_FD_("fd.name", CHARBUF, 0, FD_NAME, NONE,
	       "fd name: a path, a connection tuple, a unix socket path or a description."),
    STRATO_FD_("fd.directory", CHARBUF, 0, FD_DIRECTORY, NONE, "Directory part of a file fd's name."),
    STRATO_FD_("fd.filename", CHARBUF, 0, FD_FILENAME, NONE, "File name part of a file fd's name."),
    STRATO_FD_("fd.ip", IPADDR, STRATO_FO, FD_IP, NONE, "Either address of a socket (filters only)."),
    STRATO_FD_("fd.cip", IPADDR, 0, FD_CIP, NONE, "Client address."),
    STRATO_FD_("fd.sip", IPADDR, 0, FD_SIP, NONE, "Server address."),
    STRATO_FD_("fd.lip", IPADDR, 0, FD_LIP, NONE, "Local address."),
    STRATO_FD_("fd.rip", IPADDR, 0, FD_RIP, NONE, "Remote address."),
    STRATO_FD_("fd.port", PORT, STRATO_FO, FD_PORT, NONE, "Either port of a socket (filters only)."),
    STRATO_FD_("fd.cport", PORT, 0, FD_CPORT, NONE, "Client port."),
    STRATO_FD_("fd.sport", PORT, 0, FD_SPORT, NONE, "Server port."),
    STRATO_FD_("fd.lport", PORT, 0, FD_LPORT, NONE, "Local port."),
    STRATO_FD_("fd.rport", PORT, 0, FD_RPORT, NONE, "Remote port."),
    STRATO_FD_("fd.l4proto", CHARBUF, 0, FD_L4PROTO, NONE, "Transport protocol: tcp, udp, icmp, raw."),
    STRATO_FD_("fd.sockfamily", CHARBUF, 0, FD_SOCKFAMILY, NONE, "Socket family: ip or unix."),
    STRATO_FD_("fd.is_server", BOOL, 0, FD_IS_SERVER, NONE, "true if the process is the server end of the connection."),
    STRATO_FD_("fd.net", IPNET, STRATO_FO, FD_NET, NONE,
	       "Either address, as a network to compare with (filters only)."),
    STRATO_FD_("fd.cnet", IPNET, STRATO_FO, FD_CNET, NONE, "Client address as a network (filters only)."),
    STRATO_FD_("fd.snet", IPNET, STRATO_FO, FD_SNET, NONE, "Server address as a network (filters only)."),
    STRATO_FD_("fd.lnet", IPNET, STRATO_FO, FD_LNET, NONE, "Local address as a network (filters only)."),
    STRATO_FD_("fd.rnet", IPNET, STRATO_FO, FD_RNET, NONE, "Remote address as a network (filters only)."),
    STRATO_FD_("fd.connected", BOOL, 0, FD_CONNECTED, NONE, "true if the socket is connected."),
    STRATO_FD_("fd.cip.name", CHARBUF, STRATO_FO, FD_CIP_NAME, NONE,
	       "Client address compared with domain names (filters only; = and in): the names are resolved "
	       "with getaddrinfo when the filter compiles (at most 256 names, 16 addresses each, 2 s; answers "
	       "kept 5 minutes per process), and the check is true when fd.cip is one of the addresses. "
	       "Without DNS it matches nothing. No value when printed (no address-to-name cache)."),
    STRATO_FD_("fd.sip.name", CHARBUF, STRATO_FO, FD_SIP_NAME, NONE,
	       "Server address compared with domain names, as fd.cip.name with fd.sip."),
    STRATO_FD_("fd.lip.name", CHARBUF, STRATO_FO, FD_LIP_NAME, NONE,
	       "Local address compared with domain names, as fd.cip.name with fd.lip."),
    STRATO_FD_("fd.rip.name", CHARBUF, STRATO_FO, FD_RIP_NAME, NONE,
	       "Remote address compared with domain names, as fd.cip.name with fd.rip."),
    STRATO_FD_("fd.name_changed", BOOL, 0, FD_NAME_CHANGED, NONE,
	       "true when the event changed the name of its fd: a new named fd (open, accept), a connect or a "
	       "datagram to another address."),
    STRATO_FD_("fd.dev", INT32, 0, FD_DEV, NONE, "Device number of the file's file system."),
    STRATO_FD_("fd.dev.major", INT32, 0, FD_DEV_MAJOR, NONE, "Major part of fd.dev."),
    STRATO_FD_("fd.dev.minor", INT32, 0, FD_DEV_MINOR, NONE, "Minor part of fd.dev."),
    STRATO_FD_("fd.ino", INT64, 0, FD_INO, NONE, "Inode number of the file."),
    STRATO_FD_("fd.uid", CHARBUF, 0, FD_UID, NONE, "Unique id of the fd: thread id and fd number."),
    STRATO_FD_("fd.nameraw", CHARBUF, 0, FD_NAMERAW, NONE, "fd name as the call gave it, without path resolution."),
    STRATO_FD_("fdlist.nums", CHARBUF, 0, FDLIST_NUMS, NONE,
	       "fd numbers of a poll/ppoll/select fd list, comma-separated."),
    STRATO_FD_("fdlist.names", CHARBUF, 0, FDLIST_NAMES, NONE, "fd names of a poll fd list, comma-separated."),
    STRATO_FD_("fdlist.cips", CHARBUF, 0, FDLIST_CIPS, NONE, "Client addresses of a poll fd list."),
    STRATO_FD_("fdlist.sips", CHARBUF, 0, FDLIST_SIPS, NONE, "Server addresses of a poll fd list."),
    STRATO_FD_("fdlist.cports", CHARBUF, 0, FDLIST_CPORTS, NONE, "Client ports of a poll fd list."),
    STRATO_FD_("fdlist.sports", CHARBUF, 0, FDLIST_SPORTS, NONE, "Server ports of a poll fd list."),
    /* user, group */
    STRATO_FD_("user.uid", UINT32, 0, USER_UID, NONE, "User id of the thread."),
    STRATO_FD_("user.name", CHARBUF, 0, USER_NAME, NONE, "User name."),
    STRATO_FD_("user.homedir", CHARBUF, 0, USER_HOMEDIR, NONE, "User's home directory."),
    STRATO_FD_("user.shell", CHARBUF, 0, USER_SHELL, NONE, "User's login shell."),
    STRATO_FD_("user.loginuid", INT64, 0, USER_LOGINUID, NONE, "Audit login uid (-1 when unset)."),
    STRATO_FD_("user.loginname", CHARBUF, 0, USER_LOGINNAME, NONE, "Name of the audit login user."),
    STRATO_FD_("group.gid", UINT32, 0, GROUP_GID, NONE, "Group id of the thread."),
    STRATO_FD_("group.name", CHARBUF, 0, GROUP_NAME, NONE, "Group name."),
    /* paths, containers */
    STRATO_FD_("fs.path.name", CHARBUF, 0, FS_PATH_NAME, NONE,
	       "Path a one-path file system call works on, made absolute."),
    STRATO_FD_("fs.path.source", CHARBUF, 0, FS_PATH_SOURCE, NONE,
	       "Source path of a two-path call (rename, link...), made absolute."),
    STRATO_FD_("fs.path.target", CHARBUF, 0, FS_PATH_TARGET, NONE, "Target path of a two-path call, made absolute."),
    STRATO_FD_("container.id", CHARBUF, 0, CONTAINER_ID, NONE,
	       "Container id (12 hex digits) from the cgroup path, or host."),
    STRATO_FD_("container.type", CHARBUF, 0, CONTAINER_TYPE, NONE,
	       "Container runtime seen in the cgroup path: docker, containerd, cri-o, podman."),
    STRATO_FD_("container.name", CHARBUF, 0, CONTAINER_NAME, NONE,
	       "Container name: host for the host; otherwise unknown (no runtime query)."),
    STRATO_FD_("k8s.pod.uid", CHARBUF, 0, K8S_POD_UID, NONE, "Kubernetes pod UID from the cgroup path."),
};

const unsigned strato_field_ndefs = STRATO_ARRAY_SIZE(strato_field_defs);

unsigned strato_field_count(void)
{
	return strato_field_ndefs;
}

int strato_field_info(unsigned idx, struct strato_field_info *out)
{
	const struct strato_field_def *d;

	if (!out || out->sz < offsetof(struct strato_field_info, flags) + sizeof(out->flags))
		return strato_fail(-EINVAL, "strato_field_info: NULL or too small info struct");
	if (idx >= strato_field_ndefs)
		return strato_fail(-ERANGE, "no field %u (there are %u)", idx, strato_field_ndefs);
	d = &strato_field_defs[idx];
	out->name = d->name;
	out->description = d->desc;
	out->type = d->type;
	out->flags = d->flags;
	return 0;
}

/* Edit distance of a and b (each cut to 63 characters). */
static unsigned strato_edit_distance(const char *a, const char *b)
{
	unsigned row[64], la = (unsigned)strnlen(a, 63), lb = (unsigned)strnlen(b, 63);

	for (unsigned j = 0; j <= lb; j++)
		row[j] = j;
	for (unsigned i = 1; i <= la; i++) {
		unsigned diag = row[0];

		row[0] = i;
		for (unsigned j = 1; j <= lb; j++) {
			unsigned up = row[j], best = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

/* An unknown name: the message lists up to three registry names that are
 * closest by edit distance (and at most 3 edits away). */
static int strato_field_unknown(const char *name)
{
	const char *best[3] = {NULL, NULL, NULL};
	unsigned bestd[3] = {4, 4, 4};
	char want[64];
	size_t n = strcspn(name, "[");

	snprintf(want, sizeof(want), "%.*s", (int)(n < 63 ? n : 63), name);
	for (unsigned i = 0; i < strato_field_ndefs; i++) {
		unsigned d = strato_edit_distance(want, strato_field_defs[i].name);

		for (int k = 0; k < 3; k++) {
			if (d < bestd[k]) {
				for (int m = 2; m > k; m--) {
					best[m] = best[m - 1];
					bestd[m] = bestd[m - 1];
				}
				best[k] = strato_field_defs[i].name;
				bestd[k] = d;
				break;
			}
		}
	}
	if (!best[0])
		return strato_fail(-STRATO_ENOFIELD, "unknown field '%s'", name);
	return strato_fail(-STRATO_ENOFIELD, "unknown field '%s'; did you mean %s%s%s%s%s?", name, best[0],
			   best[1] ? ", " : "", best[1] ? best[1] : "", best[2] ? ", " : "", best[2] ? best[2] : "");
}

/* The registry entry whose name is the longest prefix of `name` that ends
 * at the end, at '[' or (for fields taking a name) at '.'. */
static const struct strato_field_def *strato_field_match(const char *name)
{
	const struct strato_field_def *best = NULL;
	size_t bestlen = 0;

	for (unsigned i = 0; i < strato_field_ndefs; i++) {
		const struct strato_field_def *d = &strato_field_defs[i];
		size_t l = strlen(d->name);
		char c;

		if (l <= bestlen || strncmp(name, d->name, l))
			continue;
		c = name[l];
		if (c == 0 || (c == '[' && d->arg != STRATO_FARG_NONE) ||
		    (c == '.' && (d->arg == STRATO_FARG_NAME || d->arg == STRATO_FARG_INDEX_NAME))) {
			best = d;
			bestlen = l;
		}
	}
	return best;
}

/* The type of evt.rawarg.NAME: that of the first parameter named NAME in
 * the event table, as sysdig types it, so that `evt.rawarg.fd < 4`
 * compares numbers. Only numbers and strings are typed; other types (and
 * unknown names) stay DYN and compare as their text. */
static enum strato_ptype strato_rawarg_type(const char *name)
{
	for (unsigned t = 0; t < STRATO_EVENT_TABLE_SIZE; t++) {
		const struct strato_event_info *ei = strato_event_info_get((uint16_t)t);

		for (unsigned i = 0; ei && i < ei->nparams; i++) {
			if (strcmp(ei->params[i].name, name))
				continue;
			switch (ei->params[i].type) {
			case STRATO_PT_INT8:
			case STRATO_PT_INT16:
			case STRATO_PT_INT32:
			case STRATO_PT_INT64:
			case STRATO_PT_ERRNO:
			case STRATO_PT_FD:
			case STRATO_PT_PID:
			case STRATO_PT_FD32:
			case STRATO_PT_PID32:
				return STRATO_PT_INT64;
			case STRATO_PT_UINT8:
			case STRATO_PT_UINT16:
			case STRATO_PT_UINT32:
			case STRATO_PT_UINT64:
				return STRATO_PT_UINT64;
			case STRATO_PT_CHARBUF:
			case STRATO_PT_FSPATH:
			case STRATO_PT_FSRELPATH:
				return STRATO_PT_CHARBUF;
			default:
				return STRATO_PT_NONE;
			}
		}
	}
	return STRATO_PT_NONE;
}

int strato_field_lookup(const char *name, strato_field **out)
{
	const struct strato_field_def *d;
	const char *arg;
	struct strato_field *f;
	size_t n;

	if (!name || !out)
		return strato_fail(-EINVAL, "strato_field_lookup: NULL argument");
	*out = NULL;
	d = strato_field_match(name);
	if (!d)
		return strato_field_unknown(name);
	n = strlen(name);
	f = calloc(1, sizeof(*f) + n + 1);
	if (!f)
		return strato_fail(-ENOMEM, "out of memory");
	memcpy(f->name, name, n + 1);
	f->def = d;
	f->idx = -1;
	arg = name + strlen(d->name);
	if (*arg == 0) {
		if (d->flags & STRATO_FIELD_ARG_REQUIRED) {
			free(f);
			return strato_fail(-EINVAL, "field '%s' needs an argument, e.g. %s%s", name, name,
					   d->arg == STRATO_FARG_INDEX ? "[1]" : ".NAME");
		}
		*out = f;
		return 0;
	}
	if (*arg == '.') {
		if (!arg[1]) {
			free(f);
			return strato_fail(-EINVAL, "field '%s': empty argument after '.'", name);
		}
		f->argname = strdup(arg + 1);
	} else {
		const char *end = strchr(arg, ']');
		char *num_end;
		long long v;

		if (!end || end[1] || end == arg + 1) {
			free(f);
			return strato_fail(-EINVAL, "field '%s': argument must be [..] at the end", name);
		}
		v = strtoll(arg + 1, &num_end, 10);
		if (num_end == end && v >= 0 && isdigit((unsigned char)arg[1]) && d->arg != STRATO_FARG_NAME) {
			f->idx = v;
		} else if (d->arg == STRATO_FARG_NAME || d->arg == STRATO_FARG_INDEX_NAME) {
			f->argname = strndup(arg + 1, (size_t)(end - arg - 1));
		} else {
			free(f);
			return strato_fail(-EINVAL, "field '%s': argument must be a number >= 0", name);
		}
	}
	if (f->idx < 0 && !f->argname) {
		free(f);
		return strato_fail(-ENOMEM, "out of memory");
	}
	if (d->id == STRATO_F_EVT_RAWARG && f->argname)
		f->rawtype = strato_rawarg_type(f->argname);
	*out = f;
	return 0;
}

void strato_field_free(strato_field *f)
{
	if (!f)
		return;
	free(f->argname);
	free(f);
}

const char *strato_field_name(const strato_field *f)
{
	return f ? f->name : "";
}

enum strato_ptype strato_field_type(const strato_field *f)
{
	return !f ? STRATO_PT_NONE : f->rawtype ? f->rawtype : f->def->type;
}
