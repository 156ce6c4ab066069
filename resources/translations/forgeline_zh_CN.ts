<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Forgeline</name>
    <message>
        <location filename="../../core/common/endpoint.cpp" line="+17"/>
        <source>Type HOST, HOST:PORT or [IPv6]:PORT, e.g. 192.168.4.1:80 or [fe80::1]:80.</source>
        <translation>请输入 HOST、HOST:PORT 或 [IPv6]:PORT，例如 192.168.4.1:80 或 [fe80::1]:80。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The port after &apos;:&apos; is missing.</source>
        <translation>“:”之后缺少端口号。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The port &quot;%1&quot; is not a number.</source>
        <translation>端口“%1”不是数字。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The port %1 is out of range (1 to 65535).</source>
        <translation>端口 %1 超出范围（1 到 65535）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The port 0 is out of range (1 to 65535).</source>
        <translation>端口 0 超出范围（1 到 65535）。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The address is empty.</source>
        <translation>地址为空。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The &apos;[&apos; before the IPv6 address has no &apos;]&apos;.</source>
        <translation>IPv6 地址前的“[”没有对应的“]”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot; between the brackets is not an IPv6 address.</source>
        <translation>方括号中的“%1”不是 IPv6 地址。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only &quot;:PORT&quot; may follow the &apos;]&apos;.</source>
        <translation>“]”之后只能跟“:PORT”。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Put an IPv6 address in brackets to give a port: [fe80::1]:80.</source>
        <translation>要指定端口，请将 IPv6 地址放在方括号中：[fe80::1]:80。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The host before &apos;:&apos; is missing.</source>
        <translation>“:”之前缺少主机。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is not a host name or an IP address.</source>
        <translation>“%1”不是主机名或 IP 地址。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Cli::CliCommon</name>
    <message>
        <location filename="../../app/cli/clicommon.cpp" line="+27"/>
        <source>Machine-readable JSON output.</source>
        <translation>机器可读的 JSON 输出。</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>Usage: %1 &lt;%2&gt; [options]
Run &apos;%1 &lt;subcommand&gt; --help&apos; for its options.</source>
        <translation>用法：%1 &lt;%2&gt; [选项]
运行“%1 &lt;subcommand&gt; --help”查看其选项。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 needs a subcommand: %2</source>
        <translation>%1 需要一个子命令：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>unknown %1 subcommand &apos;%2&apos; (one of %3)</source>
        <translation>未知的 %1 子命令“%2”（可选：%3）</translation>
    </message>
</context>
<context>
    <name>Forgeline::Cli::Commands</name>
    <message>
        <location filename="../../app/cli/commands.cpp" line="+40"/>
        <source>Explain mbedTLS / ESP-IDF / PSA / X.509 error codes</source>
        <translation>解释 mbedTLS / ESP-IDF / PSA / X.509 错误码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Explain a failed TLS handshake from mbedTLS debug logs</source>
        <translation>根据 mbedTLS 调试日志解释失败的 TLS 握手</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Provision Wi-Fi into an ESP device over protocomm (SoftAP/HTTP)</source>
        <translation>通过 protocomm（SoftAP/HTTP）为 ESP 设备配网</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List the Wi-Fi networks a device in provisioning mode sees</source>
        <translation>列出处于配网模式的设备能看到的 Wi-Fi 网络</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send data to a protocomm endpoint and print the reply</source>
        <translation>向 protocomm 端点发送数据并打印回复</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset or re-provision a device&apos;s provisioning state</source>
        <translation>重置设备的配网状态或重新配网</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Predict a device&apos;s TLS failure from its certificate, chain and key before flashing</source>
        <translation>烧录前根据证书、证书链和私钥预测设备的 TLS 失败</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write a certificate/key/file into a partition (backup, MD5 verify)</source>
        <translation>将证书/私钥/文件写入分区（先备份，MD5 校验）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show a board&apos;s partition table (or a .bin/.csv)</source>
        <translation>显示板子的分区表（或 .bin/.csv 文件）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read a partition or flash region to a file</source>
        <translation>将分区或闪存区域读出到文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write a backup back where it came from</source>
        <translation>将备份写回原处</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List serial ports with their USB bridge</source>
        <translation>列出串口及其 USB 桥接芯片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identify the chip, MAC and flash on a port</source>
        <translation>识别端口上的芯片、MAC 和闪存</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Flash, verify, provision and record many boards at once from a recipe</source>
        <translation>按配方同时对多块板子烧录、校验、配网并记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List or export station records (CSV/JSON)</source>
        <translation>列出或导出工位记录（CSV/JSON）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the TLS records in a capture, hex dump or device log</source>
        <translation>显示抓包文件、十六进制转储或设备日志中的 TLS 记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inspect firmware files; flash encryption and pre-encrypted OTA images</source>
        <translation>检查固件文件；闪存加密和预加密 OTA 镜像</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Generate or dump NVS partition images (plain or encrypted)</source>
        <translation>生成或转储 NVS 分区镜像（明文或加密）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Generate or dump esp_secure_cert partitions (TLV)</source>
        <translation>生成或转储 esp_secure_cert 分区（TLV）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Watch a board&apos;s serial log; diagnose TLS handshakes live</source>
        <translation>监视板子的串口日志；实时诊断 TLS 握手</translation>
    </message>
</context>
<context>
    <name>Forgeline::Cli::DecodeCommand</name>
    <message>
        <location filename="../../app/cli/decodecommand.cpp" line="+26"/>
        <source>Explain mbedTLS, PSA, esp-tls/esp_err_t, X.509 verify-flag and WICED error codes.</source>
        <translation>解释 mbedTLS、PSA、esp-tls/esp_err_t、X.509 验证标志和 WICED 错误码。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pin the mbedTLS version: 2.16, 2.28, 3.0, 3.6 or 4.0 (patch releases accepted).</source>
        <translation>固定 mbedTLS 版本：2.16、2.28、3.0、3.6 或 4.0（可带补丁版本号）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ESP-IDF release of the device (e.g. 4.3, 4.4.1, 5.2): selects its mbedTLS and the esp-tls numbering.</source>
        <translation>设备的 ESP-IDF 版本（例如 4.3、4.4.1、5.2）：据此选择其 mbedTLS 版本和 esp-tls 编号方式。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Codes as printed, separated by spaces, commas or semicolons: -0x7500, -29952, FFFF8B00, (FFFFD900), 64416, 0x801A, flags=0x00000208, MBEDTLS_ERR_SSL_CONN_EOF.</source>
        <translation>按打印原样给出错误码，以空格、逗号或分号分隔：-0x7500, -29952, FFFF8B00, (FFFFD900), 64416, 0x801A, flags=0x00000208, MBEDTLS_ERR_SSL_CONN_EOF。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>use either --mbedtls or --idf, not both</source>
        <translation>--mbedtls 和 --idf 只能二选一</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unknown mbedTLS version &quot;%1&quot;; use 2.16, 2.28, 3.0, 3.6 or 4.0</source>
        <translation>未知的 mbedTLS 版本“%1”；请使用 2.16、2.28、3.0、3.6 或 4.0</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unknown ESP-IDF version &quot;%1&quot;; use e.g. 4.3, 4.4.1 or 5.2</source>
        <translation>未知的 ESP-IDF 版本“%1”；请使用例如 4.3、4.4.1 或 5.2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>decode needs at least one CODE, e.g. forgeline-cli decode -0x7500</source>
        <translation>decode 至少需要一个 CODE，例如 forgeline-cli decode -0x7500</translation>
    </message>
</context>
<context>
    <name>Forgeline::Cli::DiagnoseCommand</name>
    <message>
        <location filename="../../app/cli/diagnosecommand.cpp" line="+29"/>
        <source>A log of a working handshake to compare with.</source>
        <translation>用于对比的成功握手日志。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Also write a self-contained HTML report (secrets removed).</source>
        <translation>同时写出一份独立的 HTML 报告（已去除机密信息）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The log of the failing handshake.</source>
        <translation>失败握手的日志。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>diagnose needs exactly one failing log, e.g. forgeline-cli diagnose --good ok.log bad.log</source>
        <translation>diagnose 需要且只需要一个失败日志，例如 forgeline-cli diagnose --good ok.log bad.log</translation>
    </message>
</context>
<context>
    <name>Forgeline::Cli::FlashCli</name>
    <message>
        <location filename="../../app/cli/flashcli.cpp" line="+36"/>
        <source>Writing</source>
        <translation>正在写入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reading</source>
        <translation>正在读取</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Erasing</source>
        <translation>正在擦除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verifying</source>
        <translation>正在校验</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>--port is required (a device path or socket://HOST:PORT); &apos;forgeline-cli ports&apos; lists them</source>
        <translation>必须指定 --port（设备路径或 socket://HOST:PORT）；&apos;forgeline-cli ports&apos; 可列出端口</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--baud must be a rate between 9600 and 5000000</source>
        <translation>--baud 必须是 9600 到 5000000 之间的波特率</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--before is auto, classic, unix-tight, usb-jtag or no-reset</source>
        <translation>--before 只能是 auto、classic、unix-tight、usb-jtag 或 no-reset</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--table-offset must be an address such as 0x8000</source>
        <translation>--table-offset 必须是地址，例如 0x8000</translation>
    </message>
</context>
<context>
    <name>Forgeline::Cli::FlashCommand</name>
    <message>
        <location filename="../../app/cli/flashcommand.cpp" line="+49"/>
        <source>otadata now selects %1: the bootloader starts it (%2)</source>
        <translation>otadata 现已选择 %1：引导加载程序将启动它（%2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>
Backup of the previous otadata: %1</source>
        <translation>
原 otadata 的备份：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Boot partition unknown: %1</source>
        <translation>启动分区未知：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note: otadata still selects %1 (%2); the bootloader will not start %3. Add --set-boot to make %3 the boot partition.</source>
        <translation>注意：otadata 仍选择 %1（%2）；引导加载程序不会启动 %3。请添加 --set-boot 将 %3 设为启动分区。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The bootloader starts %1 (%2).</source>
        <translation>引导加载程序启动 %1（%2）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>partition %1 (0x%2)</source>
        <translation>分区 %1（0x%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, MAC %2
</source>
        <translation>%1，MAC %2
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrote %1 bytes as %2 to %3; %4 bytes with 0xFF fill
</source>
        <translation>已将 %1 字节以 %2 格式写入 %3；%4 字节以 0xFF 填充
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restored %1 bytes to %2
</source>
        <translation>已将 %1 字节恢复到 %2
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MD5 verified: %1
</source>
        <translation>MD5 校验通过：%1
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backup of the previous contents: %1
</source>
        <translation>原有内容的备份：%1
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Done in %1 s; board reset.</source>
        <translation>用时 %1 秒完成；板子已复位。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Partition name from the board&apos;s table (e.g. cert, key).</source>
        <translation>板子分区表中的分区名（例如 cert、key）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write at this 4 KiB-aligned address instead.</source>
        <translation>改为写入此 4 KiB 对齐的地址。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PEM or DER certificate/key, or any file with --format raw.</source>
        <translation>PEM 或 DER 格式的证书/私钥，或配合 --format raw 的任意文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pem-nul (default: PEM plus NUL), pem, der or raw.</source>
        <translation>pem-nul（默认：PEM 加 NUL 结尾）、pem、der 或 raw。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not save the partition&apos;s current contents first.</source>
        <translation>不先保存分区的当前内容。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Flash encryption key file: check that an encrypted app was made for this partition&apos;s address.</source>
        <translation>闪存加密密钥文件：检查加密的应用是否是为此分区的地址制作的。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ESP32 only: FLASH_CRYPT_CONFIG (default 0xF).</source>
        <translation>仅 ESP32：FLASH_CRYPT_CONFIG（默认 0xF）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>App partitions: also make the written partition the one the bootloader starts (rewrites otadata as ESP-IDF&apos;s otatool switch_ota_partition does; factory: erases otadata). The previous otadata is backed up.</source>
        <translation>应用分区：同时将写入的分区设为引导加载程序启动的分区（按 ESP-IDF 的 otatool switch_ota_partition 的方式重写 otadata；factory：擦除 otadata）。原 otadata 会先备份。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>give exactly one of --partition NAME or --address A</source>
        <translation>--partition NAME 和 --address A 必须且只能给出一个</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--file is required</source>
        <translation>必须指定 --file</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>--address must be a number such as 0x110000</source>
        <translation>--address 必须是数字，例如 0x110000</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+7"/>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--flash-crypt-conf is 0..15</source>
        <translation>--flash-crypt-conf 的取值为 0..15</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>--set-boot needs --partition (an app partition such as ota_1)</source>
        <translation>--set-boot 需要 --partition（应用分区，例如 ota_1）</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Write a backup taken before an earlier write back to where it came from (MD5-verified).</source>
        <translation>将先前写入前所做的备份写回原处（MD5 校验）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backup file (.bin with its .json beside it).</source>
        <translation>备份文件（.bin，旁边有对应的 .json）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Allow restoring onto a board with a different MAC.</source>
        <translation>允许恢复到 MAC 不同的板子上。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--backup FILE is required</source>
        <translation>必须指定 --backup FILE</translation>
    </message>
</context>
<context>
    <name>Forgeline::Cli::FlashInfoCommands</name>
    <message>
        <location filename="../../app/cli/flashinfocommands.cpp" line="+30"/>
        <source>Identify the chip on a port: type, MAC, flash ID and size, security info.</source>
        <translation>识别端口上的芯片：型号、MAC、闪存 ID 与容量、安全信息。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Chip:        %1 (chip id %2)
Revision:    %10
MAC:         %3
Flash:       manufacturer 0x%4, device 0x%5, %6 MiB%7
Security:    %8
Flash encryption: %11
Reset:       %9</source>
        <translation>芯片：      %1（芯片 ID %2）
版本：      %10
MAC：       %3
闪存：      厂商 0x%4，器件 0x%5，%6 MiB%7
安全：      %8
闪存加密：  %11
复位：      %9</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> (unknown part; assumed)</source>
        <translation>（未知型号；按推测容量）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, secure boot on</source>
        <translation>，已启用安全启动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not reported by this ROM</source>
        <translation>此 ROM 未报告</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Read and check the partition table from a board (or a .bin/.csv file with --file).</source>
        <translation>读取并检查板子上的分区表（或用 --file 指定 .bin/.csv 文件）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Read a partition table binary or ESP-IDF CSV instead of a board.</source>
        <translation>读取分区表二进制文件或 ESP-IDF CSV，而不是读取板子。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print as ESP-IDF CSV.</source>
        <translation>以 ESP-IDF CSV 格式输出。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>MD5 row checked.</source>
        <translation>MD5 行已校验。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No MD5 row (table built with --disable-md5sum).</source>
        <translation>没有 MD5 行（分区表用 --disable-md5sum 生成）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Read a partition or a flash region to a file (checked against the chip&apos;s MD5).</source>
        <translation>将分区或闪存区域读出到文件（与芯片计算的 MD5 比对）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Partition name.</source>
        <translation>分区名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start address.</source>
        <translation>起始地址。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes to read with --address.</source>
        <translation>配合 --address 时要读取的字节数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output file.</source>
        <translation>输出文件。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>give exactly one of --partition NAME or --address A --size N</source>
        <translation>--partition NAME 与 --address A --size N 必须且只能给出一种</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--out FILE is required</source>
        <translation>必须指定 --out FILE</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--address and --size must be numbers such as 0x110000 and 8K</source>
        <translation>--address 和 --size 必须是数字，例如 0x110000 和 8K</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Read %1 bytes from 0x%2 into %3 (MD5 %4)</source>
        <translation>已从 0x%2 读取 %1 字节到 %3（MD5 %4）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>List serial ports, labelled by USB bridge (CP210x, CH34x, FTDI, Espressif USB-Serial/JTAG).</source>
        <translation>列出串口，并标注 USB 桥接芯片（CP210x、CH34x、FTDI、Espressif USB-Serial/JTAG）。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No serial ports found. Remote ports are given as socket://HOST:PORT.</source>
        <translation>未找到串口。远程端口请写作 socket://HOST:PORT。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Cli::FlashPreflight</name>
    <message>
        <location filename="../../app/cli/flashpreflight.cpp" line="+62"/>
        <source>       device error: %1 %2%3
</source>
        <translation>       设备错误：%1 %2%3
</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>       diagnosis: %1
</source>
        <translation>       诊断：%1
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>       fix: %1
</source>
        <translation>       修复：%1
</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>--device-clock is unset or synced, not &quot;%1&quot;</source>
        <translation>--device-clock 只能是 unset 或 synced，而不是“%1”</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>--key F (the certificate&apos;s private key)</source>
        <translation>--key F（证书对应的私钥）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>--cert F (the key&apos;s certificate)</source>
        <translation>--cert F（私钥对应的证书）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Preflight skipped: give %1 to check the pair before writing.</source>
        <translation>已跳过预检：请给出 %1，以便在写入前检查这对证书和私钥。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Preflight could not check the files (%1); writing anyway (--force).</source>
        <translation>预检无法检查这些文件（%1）；仍然写入（--force）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Preflight against %1: %2 (%3 checks).</source>
        <translation>针对 %1 的预检：%2（%3 项检查）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>warnings only</source>
        <translation>仅有警告</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>all pass</source>
        <translation>全部通过</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Writing anyway (--force).</source>
        <translation>仍然写入（--force）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not written: the preflight predicts the device will fail.</source>
        <translation>未写入：预检预测设备将会失败。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fix the certificate/key (see the fixes above) or pass --force to write anyway.</source>
        <translation>请修正证书/私钥（见上方修复建议），或使用 --force 强制写入。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Cli::Main</name>
    <message>
        <location filename="../../app/cli/main.cpp" line="+27"/>
        <source>Usage: forgeline-cli [--version] [--help] &lt;command&gt; [options] [--json]

Commands:
</source>
        <translation>用法：forgeline-cli [--version] [--help] &lt;command&gt; [options] [--json]

命令：
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>
Run &apos;forgeline-cli &lt;command&gt; --help&apos; for a command&apos;s options.
Exit codes: 0 ok, 1 failure, 2 usage, 3 I/O, 4 verification, 5 device, 130 cancelled.
</source>
        <translation>
运行 &apos;forgeline-cli &lt;command&gt; --help&apos; 查看命令的选项。
退出码：0 成功，1 失败，2 用法错误，3 I/O 错误，4 校验失败，5 设备错误，130 已取消。
</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>no command given; try &apos;forgeline-cli --help&apos;</source>
        <translation>未给出命令；请尝试 &apos;forgeline-cli --help&apos;</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>forgeline-cli %1 (Qt %2, %3, protobuf %4)</source>
        <translation>forgeline-cli %1（Qt %2，%3，protobuf %4）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>unknown command &apos;%1&apos;; try &apos;forgeline-cli --help&apos;</source>
        <translation>未知命令“%1”；请尝试 &apos;forgeline-cli --help&apos;</translation>
    </message>
</context>
<context>
    <name>Forgeline::Cli::PreflightCommand</name>
    <message>
        <location filename="../../app/cli/preflightcommand.cpp" line="+42"/>
        <source>Cannot read the password file %1.</source>
        <translation>无法读取密码文件 %1。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Device certificate (PEM or DER; a PEM file may hold the chain too).</source>
        <translation>设备证书（PEM 或 DER；PEM 文件中也可以包含证书链）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Intermediate certificates the device sends after its own.</source>
        <translation>设备在自身证书之后发送的中间证书。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Device private key (PEM or DER: PKCS#1, SEC1, PKCS#8).</source>
        <translation>设备私钥（PEM 或 DER：PKCS#1、SEC1、PKCS#8）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CA that issued the device certificate (what the server trusts); repeatable.</source>
        <translation>签发设备证书的 CA（服务器信任的 CA）；可重复指定。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PKCS#12 archive with certificate, key and chain (instead of --cert/--key).</source>
        <translation>包含证书、私钥和证书链的 PKCS#12 文件（代替 --cert/--key）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>File whose first line is the PKCS#12 or key password.</source>
        <translation>首行为 PKCS#12 或私钥密码的文件。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Target profile, e.g. idf-4.0 (default), idf-5.2. See --list-targets.</source>
        <translation>目标配置，例如 idf-4.0（默认）、idf-5.2。参见 --list-targets。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Device clock at the first TLS connection: unset (1970, no SNTP; default) or synced.</source>
        <translation>首次 TLS 连接时的设备时钟：unset（1970 年，无 SNTP；默认）或 synced。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Size of the certificate partition in bytes (decimal or 0x hex).</source>
        <translation>证书分区的大小，单位字节（十进制或 0x 十六进制）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Size of the key partition in bytes.</source>
        <translation>私钥分区的大小，单位字节。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Override a target default, e.g. out_content_len=8192, have_time_date=y, large_key_software_mpi=y, curves=-secp256k1; repeatable.</source>
        <translation>覆盖目标的默认值，例如 out_content_len=8192、have_time_date=y、large_key_software_mpi=y、curves=-secp256k1；可重复指定。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>List the target profiles and exit.</source>
        <translation>列出目标配置后退出。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>preflight needs --cert FILE and --key FILE, or --p12 FILE</source>
        <translation>preflight 需要 --cert FILE 和 --key FILE，或 --p12 FILE</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--device-clock is unset or synced, not &quot;%1&quot;</source>
        <translation>--device-clock 只能是 unset 或 synced，而不是“%1”</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--%1 needs a positive number of bytes, not &quot;%2&quot;</source>
        <translation>--%1 需要正的字节数，而不是“%2”</translation>
    </message>
</context>
<context>
    <name>Forgeline::Cli::ProvisionArgs</name>
    <message>
        <location filename="../../app/cli/provisionargs.cpp" line="+79"/>
        <source>Device address HOST, HOST:PORT or [IPv6]:PORT (default 192.168.4.1:80, the SoftAP address).</source>
        <translation>设备地址 HOST、HOST:PORT 或 [IPv6]:PORT（默认 192.168.4.1:80，即 SoftAP 地址）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The provisioning QR code&apos;s JSON payload.</source>
        <translation>配网二维码的 JSON 内容。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Security level 0, 1 or 2 (default: as the device reports).</source>
        <translation>安全级别 0、1 或 2（默认：以设备报告为准）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Security 2 (SRP6a) username (default: from --qr, else wifiprov as in the ESP-IDF example).</source>
        <translation>Security 2（SRP6a）用户名（默认：取自 --qr，否则与 ESP-IDF 示例一样为 wifiprov）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Proof of possession; for Security 2 the password (visible in the process list: prefer --pop-file or --pop-env).</source>
        <translation>所有权证明（PoP）；Security 2 时为密码（会显示在进程列表中：建议使用 --pop-file 或 --pop-env）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read the PoP from the first line of a file (&apos;-&apos; for stdin).</source>
        <translation>从文件首行读取 PoP（&apos;-&apos; 表示标准输入）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read the PoP from an environment variable.</source>
        <translation>从环境变量读取 PoP。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Per-request timeout in milliseconds (default 10000).</source>
        <translation>每个请求的超时时间，单位毫秒（默认 10000）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not send the session cookie (firmware before ESP-IDF 4.3).</source>
        <translation>不发送会话 Cookie（ESP-IDF 4.3 之前的固件）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log every protocol step (secrets are never logged).</source>
        <translation>记录每个协议步骤（绝不记录机密信息）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>warning: --%1 on the command line is visible to other users in the process list; use --%1-file or --%1-env.</source>
        <translation>警告：命令行中的 --%1 对其他用户在进程列表中可见；请使用 --%1-file 或 --%1-env。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the environment variable %1 is not set</source>
        <translation>环境变量 %1 未设置</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>--host: %1 %2</source>
        <translation>--host：%1 %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>this QR code is for a %1 device; forgeline-cli provisions over SoftAP (HTTP)</source>
        <translation>此二维码对应 %1 设备；forgeline-cli 只通过 SoftAP（HTTP）配网</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>QR code for %1 (join its Wi-Fi access point first)</source>
        <translation>%1 的二维码（请先连接它的 Wi-Fi 热点）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--sec is 0, 1 or 2</source>
        <translation>--sec 只能是 0、1 或 2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Security 2 password (PoP): </source>
        <translation>Security 2 密码（PoP）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proof of possession (PoP): </source>
        <translation>所有权证明（PoP）：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--timeout wants milliseconds</source>
        <translation>--timeout 需要毫秒数</translation>
    </message>
</context>
<context>
    <name>Forgeline::Cli::ProvisionCommand</name>
    <message>
        <location filename="../../app/cli/provisioncommand.cpp" line="+91"/>
        <source>--sec2-gen-cred needs --username</source>
        <translation>--sec2-gen-cred 需要 --username</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Security 2 password (PoP): </source>
        <translation>Security 2 密码（PoP）：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--sec2-gen-cred needs the password (--pop-file, --pop-env or the prompt)</source>
        <translation>--sec2-gen-cred 需要密码（--pop-file、--pop-env 或交互输入）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--sec2-salt wants hex bytes</source>
        <translation>--sec2-salt 需要十六进制字节</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--sec2-salt-len is 1 to 64</source>
        <translation>--sec2-salt-len 只能是 1 到 64</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Network to join.</source>
        <translation>要加入的网络。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wi-Fi passphrase (visible in the process list: prefer --passphrase-file or --passphrase-env).</source>
        <translation>Wi-Fi 密码（会显示在进程列表中：建议使用 --passphrase-file 或 --passphrase-env）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Read the passphrase from the first line of a file (&apos;-&apos; for stdin).</source>
        <translation>从文件首行读取 Wi-Fi 密码（&apos;-&apos; 表示标准输入）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read the passphrase from an environment variable.</source>
        <translation>从环境变量读取 Wi-Fi 密码。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only join this access point (aa:bb:cc:dd:ee:ff).</source>
        <translation>只加入此接入点（aa:bb:cc:dd:ee:ff）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Channel hint for the device.</source>
        <translation>提示设备使用的信道。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scan for networks first and report them.</source>
        <translation>先扫描网络并报告结果。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status poll interval in ms (default 1000).</source>
        <translation>状态轮询间隔，单位毫秒（默认 1000）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seconds to wait for Connected (default 60).</source>
        <translation>等待 Connected 的秒数（默认 60）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Do not reset the board&apos;s provisioning state after a failed attempt.</source>
        <translation>配网失败后不重置板子的配网状态。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only print the Security 2 salt and verifier for --username and the password (--pop-*), for the firmware.</source>
        <translation>只打印 --username 和密码（--pop-*）对应的 Security 2 盐值和验证值，供固件使用。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --sec2-gen-cred: use this salt (hex) instead of a random one.</source>
        <translation>配合 --sec2-gen-cred：使用此盐值（十六进制）而不是随机生成。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>With --sec2-gen-cred: random salt length in bytes (default 16).</source>
        <translation>配合 --sec2-gen-cred：随机盐值的字节长度（默认 16）。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--ssid is required</source>
        <translation>必须指定 --ssid</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wi-Fi passphrase for %1 (empty for an open network): </source>
        <translation>%1 的 Wi-Fi 密码（开放网络请留空）：</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--bssid wants 6 bytes, e.g. aa:bb:cc:dd:ee:ff</source>
        <translation>--bssid 需要 6 个字节，例如 aa:bb:cc:dd:ee:ff</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Connected to %1: IP %2, channel %3%4</source>
        <translation>已连接到 %1：IP %2，信道 %3%4</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> (after %1 session recovery)</source>
        <translation>（经过 %1 次会话恢复）</translation>
    </message>
</context>
<context>
    <name>Forgeline::Cli::RecordsCommand</name>
    <message>
        <location filename="../../app/cli/recordscommand.cpp" line="+30"/>
        <source>List or export the station&apos;s records (one per board attempt).</source>
        <translation>列出或导出工位记录（每次板子操作一条）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Station database (default: app data).</source>
        <translation>工位数据库（默认：应用数据目录）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only this board.</source>
        <translation>只看这块板子。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only pass or fail.</source>
        <translation>只看通过或失败。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>csv or json on stdout.</source>
        <translation>以 csv 或 json 输出到标准输出。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--export takes csv or json</source>
        <translation>--export 只接受 csv 或 json</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 record(s)</source>
        <translation>%1 条记录</translation>
    </message>
</context>
<context>
    <name>Forgeline::Cli::ScanCommand</name>
    <message>
        <location filename="../../app/cli/scancommand.cpp" line="+74"/>
        <source>List the Wi-Fi networks an ESP device in provisioning mode can see.</source>
        <translation>列出处于配网模式的 ESP 设备能看到的 Wi-Fi 网络。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1  RSSI  CH  AUTH            BSSID</source>
        <translation>%1  RSSI  CH  AUTH            BSSID</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Send data to a named protocomm endpoint (e.g. custom-data) and print the reply.</source>
        <translation>向指定的 protocomm 端点（例如 custom-data）发送数据并打印回复。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DATA is hexadecimal bytes.</source>
        <translation>DATA 为十六进制字节。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Endpoint name, e.g. custom-data.</source>
        <translation>端点名，例如 custom-data。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text (or hex with --hex) to send.</source>
        <translation>要发送的文本（或配合 --hex 的十六进制）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>give an endpoint name and the data to send</source>
        <translation>请给出端点名和要发送的数据</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1
(hex %2)</source>
        <translation>%1
（十六进制 %2）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>reset or reprov</source>
        <translation>reset 或 reprov</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>give &apos;reset&apos; or &apos;reprov&apos;</source>
        <translation>请给出 &apos;reset&apos; 或 &apos;reprov&apos;</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>prov-ctrl %1: done</source>
        <translation>prov-ctrl %1：完成</translation>
    </message>
</context>
<context>
    <name>Forgeline::Cli::StationCommand</name>
    <message>
        <location filename="../../app/cli/stationcommand.cpp" line="+56"/>
        <source>certificate %1%2</source>
        <translation>证书 %1%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (already this board&apos;s)</source>
        <translation>（已属于这块板子）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>board plugged in</source>
        <translation>已插入板子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>retrying %1: %2</source>
        <translation>正在重试 %1：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PASS (%1 s)</source>
        <translation>通过（%1 秒）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 at %2: %3</source>
        <translation>%1，失败于 %2：%3</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Recipe JSON file.</source>
        <translation>配方 JSON 文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Comma-separated ports: serial, pty or socket://host:port.</source>
        <translation>以逗号分隔的端口：串口、pty 或 socket://host:port。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Folder of &lt;id&gt;.crt + &lt;id&gt;.key pairs (or manifest.csv).</source>
        <translation>包含 &lt;id&gt;.crt + &lt;id&gt;.key 证书对的文件夹（或 manifest.csv）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Station database: sqlite:///path or postgresql://user@host:port/db (default: app data).</source>
        <translation>工位数据库：sqlite:///path 或 postgresql://user@host:port/db（默认：应用数据目录）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Operator name for the records.</source>
        <translation>记录中的操作员姓名。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Station name for the records (default: host name).</source>
        <translation>记录中的工位名（默认：主机名）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Keep running and start every board plugged in (a serial port that appears) until Ctrl+C.</source>
        <translation>持续运行，每插入一块板子（出现一个新串口）就开始处理，直到按 Ctrl+C。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --watch, only ports whose path matches, e.g. &apos;/dev/serial/by-id/usb-Silicon_Labs*&apos; (implies --watch).</source>
        <translation>配合 --watch：只处理路径匹配的端口，例如 &apos;/dev/serial/by-id/usb-Silicon_Labs*&apos;（隐含 --watch）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--recipe and --ports (or --watch) are required</source>
        <translation>必须指定 --recipe 和 --ports（或 --watch）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--ports names no port</source>
        <translation>--ports 中没有端口</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the recipe writes a certificate: give --pool DIR or --db URL</source>
        <translation>配方要写入证书：请给出 --pool DIR 或 --db URL</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>%1 passed, %2 failed%3 in %4 s</source>
        <translation>%1 块通过，%2 块失败%3，用时 %4 秒</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, %1 stopped</source>
        <translation>，%1 块已停止</translation>
    </message>
</context>
<context>
    <name>Forgeline::Flasher</name>
    <message>
        <location filename="../../core/flasher/romprotocol.cpp" line="+214"/>
        <source>The chip refused %1: %2.</source>
        <translation>芯片拒绝了 %1：%2。</translation>
    </message>
    <message>
        <location filename="../../core/flasher/appimagecheck.cpp" line="+110"/>
        <source>This is a pre-encrypted OTA image (esp_encrypted_img): written raw it never boots. Send it through the firmware&apos;s OTA update, which decrypts it, or write the plain app.</source>
        <translation>这是预加密的 OTA 镜像（esp_encrypted_img）：直接写入永远无法启动。请通过固件的 OTA 更新发送它（固件会将其解密），或写入明文应用。</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>This image was encrypted for 0x%1%2, not for %3 at %4: written here the bootloader would decrypt it into garbage.</source>
        <translation>此镜像是为 0x%1%2 加密的，而不是为 %3（位于 %4）加密的：若写入此处，引导加载程序会将其解密成乱码。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write it to 0x%1, or encrypt the plaintext app again for %2.</source>
        <translation>请将其写入 0x%1，或为 %2 重新加密明文应用。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>With this flash encryption key the image decrypts to no valid app at %1 or any app partition: the key is not this board&apos;s, or the file is not an encrypted app.</source>
        <translation>用此闪存加密密钥解密后，该镜像在 %1 或任何 app 分区上都不是有效的应用：密钥不属于此板子，或该文件不是加密的应用。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Flash encryption is on on this board (crypt count 0x%1): a plaintext app written to %2 at %3 would be decrypted into garbage by the bootloader.</source>
        <translation>此板子已开启闪存加密（加密计数 0x%1）：写入 %2（位于 %3）的明文应用会被引导加载程序解密成乱码。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Encrypt it for %1 with the board&apos;s flash encryption key (&apos;forgeline-cli image flash-encrypt --chip %2 --key KEY --address %1 app.bin -o app-enc.bin&apos;) and write the result, or update the firmware over the air.</source>
        <translation>请用板子的闪存加密密钥为 %1 加密它（&apos;forgeline-cli image flash-encrypt --chip %2 --key KEY --address %1 app.bin -o app-enc.bin&apos;）并写入结果，或通过 OTA 更新固件。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This file has no image header and looks flash-encrypted (or random), but flash encryption is %1 on this board: only a plaintext app boots here.</source>
        <translation>此文件没有镜像头，看起来经过了闪存加密（或是随机数据），但此板子的闪存加密%1：这里只能启动明文应用。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>off</source>
        <translation>已关闭</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not known to be on</source>
        <translation>未确认已开启</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check it with &apos;forgeline-cli image find-offset&apos; and the flash encryption key, or write the plaintext app.</source>
        <translation>请用 &apos;forgeline-cli image find-offset&apos; 和闪存加密密钥检查它，或写入明文应用。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is a bootloader image, not an app.</source>
        <translation>这是引导加载程序镜像，不是应用。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is not an app image (%1).</source>
        <translation>这不是应用镜像（%1）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The app image fails its own checks: %1.</source>
        <translation>该应用镜像未通过自身校验：%1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wrong chip: the image is for %1, the board is %2.</source>
        <translation>芯片不符：镜像适用于 %1，而板子是 %2。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The image needs chip revision %1 or later; this board is %2.</source>
        <translation>该镜像需要芯片版本 %1 或更高；此板子为 %2。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The image supports chip revisions up to %1; this board is %2.</source>
        <translation>该镜像最高支持芯片版本 %1；此板子为 %2。</translation>
    </message>
    <message>
        <location line="-57"/>
        <location line="+61"/>
        <source>The image (%1 bytes) does not fit &quot;%2&quot; (%3 bytes).</source>
        <translation>镜像（%1 字节）放不进“%2”（%3 字节）。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Flasher::BackupStore</name>
    <message>
        <location filename="../../core/flasher/backupstore.cpp" line="+46"/>
        <source>Could not save the backup %1.</source>
        <translation>无法保存备份 %1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not restrict access to the backup %1.</source>
        <translation>无法限制备份 %1 的访问权限。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Could not create the backup folder %1.</source>
        <translation>无法创建备份文件夹 %1。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The backup %1 has no description file beside it.</source>
        <translation>备份 %1 旁边没有描述文件。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not read the backup %1.</source>
        <translation>无法读取备份 %1。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The backup %1 is damaged (its MD5 does not match).</source>
        <translation>备份 %1 已损坏（MD5 不匹配）。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Flasher::FlashJob</name>
    <message>
        <location filename="../../core/flasher/flashjob.cpp" line="+54"/>
        <source>Connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This backup belongs to board %1, but %2 is connected.</source>
        <translation>此备份属于板子 %1，但当前连接的是 %2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect the right board, or allow restoring onto another board.</source>
        <translation>请连接正确的板子，或允许恢复到另一块板子上。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reading the partition table</source>
        <translation>正在读取分区表</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No valid partition table at 0x%1: %2</source>
        <translation>0x%1 处没有有效的分区表：%2</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The board has no partition named &quot;%1&quot;.</source>
        <translation>板子上没有名为“%1”的分区。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>partitions: %1</source>
        <translation>分区：%1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&quot;%1&quot; is a %2 partition; certificates and keys go into data partitions.</source>
        <translation>“%1”是 %2 分区；证书和私钥应写入 data 分区。</translation>
    </message>
    <message>
        <location line="-15"/>
        <location line="+23"/>
        <source>&quot;%1&quot; is marked encrypted; a plaintext write could not be verified.</source>
        <translation>“%1”已标记为加密；明文写入后无法校验。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Partition &quot;%1&quot; is not a whole number of 4 KiB sectors; writing it would erase part of its neighbour.</source>
        <translation>分区“%1”的大小不是 4 KiB 扇区的整数倍；写入会擦除相邻分区的一部分。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Address 0x%1 is not 4 KiB aligned.</source>
        <translation>地址 0x%1 未按 4 KiB 对齐。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to write.</source>
        <translation>没有要写入的内容。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>0x%1 + %2 bytes is beyond the %3 MiB flash.</source>
        <translation>0x%1 + %2 字节超出了 %3 MiB 闪存的范围。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Backing up %1</source>
        <translation>正在备份 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the region</source>
        <translation>该区域</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Backup saved to %1</source>
        <translation>备份已保存到 %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The backup read did not match the chip&apos;s MD5; nothing was written.</source>
        <translation>读出的备份与芯片计算的 MD5 不一致；未写入任何内容。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Writing %1</source>
        <translation>正在写入 %1</translation>
    </message>
    <message>
        <location filename="../../core/flasher/flashjobota.cpp" line="+42"/>
        <source>%1 was written and verified, but otadata was not updated: %2</source>
        <translation>%1 已写入并校验通过，但 otadata 未更新：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore otadata with: forgeline-cli restore --port PORT --backup %1</source>
        <translation>用以下命令恢复 otadata：forgeline-cli restore --port PORT --backup %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&quot;%1&quot; is not a factory or OTA partition; the bootloader cannot be told to start it.</source>
        <translation>“%1”不是 factory 或 OTA 分区；无法让引导加载程序启动它。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The board&apos;s partition table has no otadata partition; the bootloader cannot be told to start %1.</source>
        <translation>板子的分区表中没有 otadata 分区；无法让引导加载程序启动 %1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The otadata partition is smaller than its two 4 KiB sectors.</source>
        <translation>otadata 分区小于其所需的两个 4 KiB 扇区。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not reachable: the table&apos;s OTA partitions are not numbered ota_0, ota_1 … without gaps.</source>
        <translation>无法启动 %1：分区表中的 OTA 分区未按 ota_0、ota_1 … 连续编号。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Flash encryption is on: otadata is stored encrypted, so making %1 the boot partition needs the board&apos;s flash encryption key.</source>
        <translation>闪存加密已开启：otadata 以加密形式存储，因此将 %1 设为启动分区需要板子的闪存加密密钥。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give the board&apos;s flash encryption key file (CLI: --flash-key), or write without making it the boot partition.</source>
        <translation>请提供板子的闪存加密密钥文件（CLI：--flash-key），或仅写入而不设为启动分区。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>otadata is encrypted (flash encryption on); give the key to read it</source>
        <translation>otadata 已加密（闪存加密已开启）；需提供密钥才能读取</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading otadata</source>
        <translation>正在读取 otadata</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The otadata read back does not match the chip&apos;s MD5.</source>
        <translation>读回的 otadata 与芯片计算的 MD5 不一致。</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Backup of otadata saved to %1</source>
        <translation>otadata 的备份已保存到 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Making %1 the boot partition</source>
        <translation>正在将 %1 设为启动分区</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Resetting the board</source>
        <translation>正在复位板子</translation>
    </message>
    <message>
        <location filename="../../core/flasher/flashjob.cpp" line="+18"/>
        <source>Reading %1</source>
        <translation>正在读取 %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The data read back does not match the chip&apos;s MD5.</source>
        <translation>读回的数据与芯片计算的 MD5 不一致。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>no backup was taken</source>
        <translation>未做备份</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>backup at %1</source>
        <translation>备份位于 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 partially written (%2); %3; write again or restore.</source>
        <translation>%1 只写入了一部分（%2）；%3；请重新写入或恢复。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the file again.</source>
        <translation>请重新写入该文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write again, or restore with: forgeline-cli restore --port PORT --backup %1</source>
        <translation>请重新写入，或用以下命令恢复：forgeline-cli restore --port PORT --backup %1</translation>
    </message>
</context>
<context>
    <name>Forgeline::Flasher::LoaderSession</name>
    <message>
        <location filename="../../core/flasher/loadersession.cpp" line="+30"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on (crypt count 0x%1)</source>
        <translation>开启（加密计数 0x%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>off (crypt count 0x%1)</source>
        <translation>关闭（加密计数 0x%1）</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Opening %1</source>
        <translation>正在打开 %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The chip did not answer on %1.</source>
        <translation>芯片在 %1 上没有应答。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the cable and power; hold BOOT and press RESET, then try again.</source>
        <translation>请检查线缆和供电；按住 BOOT 再按一下 RESET，然后重试。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Download mode detected, but no sync reply on %1.</source>
        <translation>检测到下载模式，但 %1 上没有同步应答。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrong boot mode detected; the chip is not in download mode.</source>
        <translation>检测到错误的启动模式；芯片不在下载模式。</translation>
    </message>
    <message>
        <location filename="../../core/flasher/loadersessionidentify.cpp" line="+68"/>
        <source>Connected to the ROM loader</source>
        <translation>已连接到 ROM 引导程序</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>This chip (id %1) is not supported.</source>
        <translation>不支持此芯片（ID %1）。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Unknown chip (magic value 0x%1).</source>
        <translation>未知芯片（魔数 0x%1）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is in Secure Download Mode: flash cannot be read or verified.</source>
        <translation>%1 处于安全下载模式：无法读取或校验闪存。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Chip revision unknown: eFuse register 0x%1 could not be read.</source>
        <translation>芯片版本未知：无法读取 eFuse 寄存器 0x%1。</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>The flash chip did not answer its ID command.</source>
        <translation>闪存芯片没有应答读 ID 命令。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1, MAC %2, %3 MiB flash</source>
        <translation>%1，MAC %2，%3 MiB 闪存</translation>
    </message>
    <message>
        <location filename="../../core/flasher/loadersessionio.cpp" line="+70"/>
        <source>The chip sent a short flash read.</source>
        <translation>芯片返回的闪存读取数据不完整。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The chip sent a malformed MD5 reply.</source>
        <translation>芯片返回的 MD5 应答格式错误。</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>Block %1: %2; sending it again</source>
        <translation>数据块 %1：%2；正在重新发送</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the written flash region is empty</source>
        <translation>已写入的闪存区域为空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the flash holds different data</source>
        <translation>闪存中的数据与写入的不同</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The written data did not verify: %1.</source>
        <translation>写入的数据校验失败：%1。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Write failed (%1); starting it again (%2 of %3)</source>
        <translation>写入失败（%1）；正在重新开始（第 %2 次，共 %3 次）</translation>
    </message>
</context>
<context>
    <name>Forgeline::Flasher::PortDiscovery</name>
    <message>
        <location filename="../../core/flasher/portdiscovery.cpp" line="+40"/>
        <source>USB %1:%2</source>
        <translation>USB %1:%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>serial port</source>
        <translation>串口</translation>
    </message>
</context>
<context>
    <name>Forgeline::Flasher::RomClient</name>
    <message>
        <location filename="../../core/flasher/romclient.cpp" line="+17"/>
        <source>The chip did not answer %1.</source>
        <translation>芯片没有应答 %1。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Internal error: a command is already in flight.</source>
        <translation>内部错误：已有一条命令正在执行。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The chip reset during %1.</source>
        <translation>芯片在 %1 期间复位了。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Flasher::SerialLink</name>
    <message>
        <location filename="../../core/flasher/seriallink.cpp" line="+65"/>
        <source>&quot;%1&quot; is not a valid socket://HOST:PORT address.</source>
        <translation>“%1”不是有效的 socket://HOST:PORT 地址。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The connection to %1 was lost.</source>
        <translation>与 %1 的连接已断开。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not connect to %1.</source>
        <translation>无法连接到 %1。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 is in use or not permitted (another program, or missing dialout group).</source>
        <translation>%1 正被占用或没有权限（被其他程序占用，或用户不在 dialout 组）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not open %1.</source>
        <translation>无法打开 %1。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 went away (cable unplugged or board lost power).</source>
        <translation>%1 已消失（线缆被拔出或板子断电）。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Image::CertPayload</name>
    <message>
        <location filename="../../core/image/certpayload.cpp" line="+117"/>
        <source>Unknown payload format &quot;%1&quot;; use pem-nul, pem, der or raw.</source>
        <translation>未知的数据格式“%1”；请使用 pem-nul、pem、der 或 raw。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>raw bytes</source>
        <translation>原始字节</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file is empty.</source>
        <translation>文件为空。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>PEM private key</source>
        <translation>PEM 私钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEM %1</source>
        <translation>PEM %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file is neither PEM nor a DER certificate or private key.</source>
        <translation>该文件既不是 PEM，也不是 DER 格式的证书或私钥。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the &quot;raw&quot; format to write it unchanged.</source>
        <translation>选择“raw”格式可按原样写入。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>DER private key</source>
        <translation>DER 私钥</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DER certificate</source>
        <translation>DER 证书</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The payload (%1 bytes) does not fit partition &quot;%2&quot; (%3 bytes).</source>
        <translation>数据（%1 字节）放不进分区“%2”（%3 字节）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing to write.</source>
        <translation>没有要写入的内容。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Image::Nvs</name>
    <message>
        <location filename="../../core/image/nvscsv.cpp" line="+22"/>
        <source>line %1, column %2</source>
        <translation>第 %1 行第 %2 列</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../core/image/nvswriter.cpp" line="+25"/>
        <source>Fix the CSV; nothing was written.</source>
        <translation>请修正 CSV；未写入任何内容。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>the quoted field is not closed on this line</source>
        <translation>带引号的字段在本行没有闭合</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>&apos;%1&apos; is not a decimal number (%2 values are written in decimal)</source>
        <translation>“%1”不是十进制数（%2 类型的值以十进制书写）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is out of range for %2</source>
        <translation>%1 超出 %2 的取值范围</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>hex2bin data has an odd number of digits (%1)</source>
        <translation>hex2bin 数据的位数为奇数（%1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&apos;%1&apos; is not a hex digit</source>
        <translation>“%1”不是十六进制数字</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the value is not valid base64</source>
        <translation>该值不是有效的 base64</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&apos;%1&apos; is not a valid fill encoding; write blob_fill(16;0xff)</source>
        <translation>“%1”不是有效的填充编码；请写成 blob_fill(16;0xff)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the fill length is too large</source>
        <translation>填充长度太大</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the value is %1 bytes, longer than the fill length %2</source>
        <translation>该值有 %1 字节，超过了填充长度 %2</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>the key is empty</source>
        <translation>键为空</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>key &apos;%1&apos; is %2 bytes; NVS keys are at most 15</source>
        <translation>键“%1”有 %2 字节；NVS 键最多 15 字节</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>type &apos;%1&apos; is not one of namespace, data, file</source>
        <translation>类型“%1”不是 namespace、data、file 之一</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unknown encoding &apos;%1&apos; (use one of %2)</source>
        <translation>未知的编码“%1”（请使用以下之一：%2）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>cannot read file &apos;%1&apos;: %2</source>
        <translation>无法读取文件“%1”：%2</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>the header row has no &apos;%1&apos; column; the first row must be key,type,encoding,value</source>
        <translation>标题行中没有“%1”列；第一行必须是 key,type,encoding,value</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the row has %1 fields; it needs %2 (key,type,encoding,value)</source>
        <translation>该行有 %1 个字段；需要 %2 个（key,type,encoding,value）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The CSV is empty: it needs the header row key,type,encoding,value</source>
        <translation>CSV 为空：需要标题行 key,type,encoding,value</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&apos;%1&apos; comes before any namespace row</source>
        <translation>“%1”出现在所有 namespace 行之前</translation>
    </message>
    <message>
        <location filename="../../core/image/nvsreader.cpp" line="+312"/>
        <source>blob &apos;%1&apos; is missing chunk(s) %2 of %3 (a page is missing or damaged)</source>
        <translation>blob“%1”缺少分块 %2（共 %3 块；有页缺失或损坏）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>blob &apos;%1&apos;: its chunks hold %2 bytes, its index says %3</source>
        <translation>blob“%1”：其分块共 %2 字节，而其索引记录为 %3 字节</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>chunk %1 of blob &apos;%2&apos; (namespace %3) belongs to no blob index</source>
        <translation>blob“%2”（命名空间 %3）的分块 %1 不属于任何 blob 索引</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>the image is empty</source>
        <translation>镜像为空</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the image is %1 bytes, not a whole number of 4096-byte pages; the last %2 bytes are not read</source>
        <translation>镜像有 %1 字节，不是 4096 字节页的整数倍；最后 %2 字节未读取</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>no entry passes its CRC with these keys: they are not the keys this partition was encrypted with</source>
        <translation>使用这些密钥时没有任何条目通过 CRC 校验：它们不是加密此分区所用的密钥</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no entry passes its CRC: the partition looks encrypted; give its nvs_keys partition (--keys)</source>
        <translation>没有任何条目通过 CRC 校验：该分区似乎已加密；请提供其 nvs_keys 分区（--keys）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no page is empty: NVS needs one free page to work</source>
        <translation>没有空页：NVS 需要一个空闲页才能工作</translation>
    </message>
    <message>
        <location filename="../../core/image/nvswriter.cpp" line="-2"/>
        <source>line %1: </source>
        <translation>第 %1 行：</translation>
    </message>
    <message>
        <location line="+250"/>
        <source>The NVS format version must be 1 or 2</source>
        <translation>NVS 格式版本必须为 1 或 2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The NVS partition size must be a non-zero multiple of 4096 (0x1000) bytes; %1 is not</source>
        <translation>NVS 分区大小必须是 4096（0x1000）字节的非零整数倍；%1 不是</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The NVS encryption keys are not valid</source>
        <translation>NVS 加密密钥无效</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The values need %1 pages (0x%2 bytes: %3 with entries and one kept free); the partition has %4 (0x%5 bytes)</source>
        <translation>这些值需要 %1 页（0x%2 字节：%3 页存放条目，另保留一页空闲）；分区只有 %4 页（0x%5 字节）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Give a larger --size or store fewer values; nothing was written.</source>
        <translation>请指定更大的 --size 或减少存储的值；未写入任何内容。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Image::Nvs::Builder</name>
    <message>
        <location line="-173"/>
        <source>line %1: namespace &apos;%2&apos; appears again; as with Espressif&apos;s generator, the values after it stay in namespace &apos;%3&apos;</source>
        <translation>第 %1 行：命名空间“%2”再次出现；与 Espressif 的生成器一样，其后的值仍属于命名空间“%3”</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>more than 254 namespaces</source>
        <translation>命名空间超过 254 个</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&apos;%1&apos; is %2 bytes; a %3 holds at most %4 bytes in NVS format %5</source>
        <translation>“%1”有 %2 字节；在 NVS 格式 %5 中，%3 最多容纳 %4 字节</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>blob</source>
        <translation>blob</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&apos;%1&apos; is %2 bytes, too long for one NVS page (at most %3 bytes)</source>
        <translation>“%1”有 %2 字节，一个 NVS 页放不下（最多 %3 字节）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&apos;%1&apos; is too large</source>
        <translation>“%1”太大</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&apos;%1&apos; needs more than 254 chunks</source>
        <translation>“%1”需要超过 254 个分块</translation>
    </message>
</context>
<context>
    <name>Forgeline::Image::Nvs::Keys</name>
    <message>
        <location filename="../../core/image/nvskeys.cpp" line="+76"/>
        <source>Could not draw random NVS encryption keys</source>
        <translation>无法生成随机的 NVS 加密密钥</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The NVS keys file holds %1 bytes; it needs 64 (two 32-byte keys)</source>
        <translation>NVS 密钥文件有 %1 字节；需要 64 字节（两个 32 字节的密钥）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The NVS keys file fails its CRC check (stored 0x%1, computed 0x%2): it is not an nvs_keys partition or it is damaged</source>
        <translation>NVS 密钥文件未通过 CRC 校验（存储值 0x%1，计算值 0x%2）：它不是 nvs_keys 分区，或已损坏</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The NVS keys partition is erased (all 0xFF): no keys in it</source>
        <translation>NVS 密钥分区已擦除（全为 0xFF）：其中没有密钥</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The two NVS keys are equal; XTS-AES needs two different keys</source>
        <translation>两个 NVS 密钥相同；XTS-AES 需要两个不同的密钥</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot create the keys file %1</source>
        <translation>无法创建密钥文件 %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot write the keys file %1</source>
        <translation>无法写入密钥文件 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot read the keys file %1: %2</source>
        <translation>无法读取密钥文件 %1：%2</translation>
    </message>
</context>
<context>
    <name>Forgeline::Image::Nvs::PageReader</name>
    <message>
        <location filename="../../core/image/nvsreader.cpp" line="-336"/>
        <source>page %1 is marked empty but holds data</source>
        <translation>第 %1 页标记为空，但含有数据</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>page %1: the header CRC fails (stored 0x%2, computed 0x%3); the firmware treats the page as corrupt</source>
        <translation>第 %1 页：页头 CRC 校验失败（存储值 0x%2，计算值 0x%3）；固件会将该页视为已损坏</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>page %1: unknown format version 0x%2</source>
        <translation>第 %1 页：未知的格式版本 0x%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>page %1 is in state %2</source>
        <translation>第 %1 页处于 %2 状态</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>page %1 entry %2</source>
        <translation>第 %1 页条目 %2</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 holds data but is not marked written (an interrupted write; the firmware erases it)</source>
        <translation>%1 含有数据但未标记为已写入（写入被中断；固件会将其擦除）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 has the illegal bitmap state 01</source>
        <translation>%1 的位图状态为非法值 01</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is marked written but is empty</source>
        <translation>%1 标记为已写入，但为空</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: the entry CRC fails (stored 0x%2, computed 0x%3); the firmware drops it</source>
        <translation>%1：条目 CRC 校验失败（存储值 0x%2，计算值 0x%3）；固件会丢弃它</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 &apos;%2&apos; has span %3, past the end of the page</source>
        <translation>%1 的“%2”跨度为 %3，超出了页尾</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 &apos;%2&apos; has span %3; a %4 takes 1</source>
        <translation>%1 的“%2”跨度为 %3；%4 只占 1 个条目</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 &apos;%2&apos; has the unknown type 0x%3</source>
        <translation>%1 的“%2”类型 0x%3 未知</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 &apos;%2&apos; holds %3 bytes but spans %4 entries</source>
        <translation>%1 的“%2”含 %3 字节，却跨了 %4 个条目</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 &apos;%2&apos;: data entry %3 is in a different state from its header</source>
        <translation>%1 的“%2”：数据条目 %3 的状态与其头部不同</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 &apos;%2&apos;: the data CRC fails (stored 0x%3, computed 0x%4)</source>
        <translation>%1 的“%2”：数据 CRC 校验失败（存储值 0x%3，计算值 0x%4）</translation>
    </message>
</context>
<context>
    <name>Forgeline::Image::OtaData</name>
    <message>
        <location filename="../../core/image/otadata.cpp" line="+158"/>
        <source>no otadata partition</source>
        <translation>没有 otadata 分区</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>no OTA partitions</source>
        <translation>没有 OTA 分区</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>otadata erased</source>
        <translation>otadata 已擦除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no usable otadata copy</source>
        <translation>没有可用的 otadata 副本</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>no valid otadata copy</source>
        <translation>没有有效的 otadata 副本</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>otadata copy %1, seq %2</source>
        <translation>otadata 副本 %1，seq %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>ota_%1 is not one of the table&apos;s %2 OTA partitions.</source>
        <translation>ota_%1 不在分区表的 %2 个 OTA 分区之中。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The otadata sequence number is exhausted (0x%1); erase otadata first.</source>
        <translation>otadata 序号已用尽（0x%1）；请先擦除 otadata。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>copy %1 erased</source>
        <translation>副本 %1 已擦除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>copy %1 valid (seq %2, %3)</source>
        <translation>副本 %1 有效（seq %2，%3）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>copy %1 not valid (seq %2, %3%4)</source>
        <translation>副本 %1 无效（seq %2，%3%4）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, CRC mismatch</source>
        <translation>，CRC 不匹配</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>selects the factory app (or ota_0 without one)</source>
        <translation>选择 factory 应用（没有时为 ota_0）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>selects ota_%1</source>
        <translation>选择 ota_%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>seq %1 selects OTA slot (seq - 1) mod the number of OTA partitions: ota_%2 in a table with ota_0 and ota_1</source>
        <translation>seq %1 选择 OTA 槽 (seq - 1) mod OTA 分区数：在含 ota_0 和 ota_1 的分区表中为 ota_%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>otadata: %1; %2</source>
        <translation>otadata：%1；%2</translation>
    </message>
</context>
<context>
    <name>Forgeline::Image::PartitionCsv</name>
    <message>
        <location filename="../../core/image/partitioncsv.cpp" line="+115"/>
        <source>Partition CSV line %1: %2</source>
        <translation>分区 CSV 第 %1 行：%2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>the partition has no name</source>
        <translation>分区没有名称</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the name &quot;%1&quot; has characters other than printable ASCII</source>
        <translation>名称“%1”包含可打印 ASCII 以外的字符</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the name &quot;%1&quot; is longer than 16 characters</source>
        <translation>名称“%1”超过 16 个字符</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>unknown type &quot;%1&quot;</source>
        <translation>未知类型“%1”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>an app partition needs a subtype</source>
        <translation>app 分区需要子类型</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown subtype &quot;%1&quot;</source>
        <translation>未知子类型“%1”</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>bad offset &quot;%1&quot;</source>
        <translation>偏移量“%1”无效</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+5"/>
        <source>bad size &quot;%1&quot;</source>
        <translation>大小“%1”无效</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>unknown flag &quot;%1&quot;</source>
        <translation>未知标志“%1”</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The partition CSV has no partitions.</source>
        <translation>分区 CSV 中没有分区。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Image::PartitionTable</name>
    <message>
        <location filename="../../core/image/partitiontable.cpp" line="+120"/>
        <source>The partition table&apos;s MD5 row is malformed.</source>
        <translation>分区表的 MD5 行格式错误。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The partition table is corrupt (its MD5 checksum does not match).</source>
        <translation>分区表已损坏（MD5 校验和不匹配）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>This is not an ESP-IDF partition table.</source>
        <translation>这不是 ESP-IDF 分区表。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The partition table has entries after its MD5 row.</source>
        <translation>分区表的 MD5 行之后还有条目。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The partition table has no end marker.</source>
        <translation>分区表没有结束标记。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The partition table is empty (the flash may be blank).</source>
        <translation>分区表为空（闪存可能是空白的）。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Two partitions are named &quot;%1&quot;.</source>
        <translation>有两个分区都叫“%1”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Partition &quot;%1&quot; is not aligned to 4 KiB.</source>
        <translation>分区“%1”未按 4 KiB 对齐。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>App partition &quot;%1&quot; is not aligned to 64 KiB.</source>
        <translation>app 分区“%1”未按 64 KiB 对齐。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Partition &quot;%1&quot; overlaps the partition table.</source>
        <translation>分区“%1”与分区表重叠。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Partition &quot;%1&quot; ends beyond the flash size.</source>
        <translation>分区“%1”的结尾超出了闪存容量。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Partitions &quot;%1&quot; and &quot;%2&quot; overlap.</source>
        <translation>分区“%1”和“%2”重叠。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Image::SecureCert</name>
    <message>
        <location filename="../../core/image/securecert.cpp" line="+57"/>
        <source>The %1 is not a PEM or DER X.509 certificate</source>
        <translation>%1不是 PEM 或 DER 格式的 X.509 证书</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The private key is not an unencrypted PEM or DER key</source>
        <translation>私钥不是未加密的 PEM 或 DER 私钥</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The private key cannot be encoded</source>
        <translation>无法编码该私钥</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the %1 record at offset 0x%2 says %3 bytes, past the end of the partition</source>
        <translation>偏移 0x%2 处的 %1 记录声明有 %3 字节，超出了分区末尾</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the %1 record (subtype %2) at offset 0x%3 fails its CRC (stored 0x%4, computed 0x%5); the firmware will not use it</source>
        <translation>偏移 0x%3 处的 %1 记录（子类型 %2）CRC 校验失败（存储值 0x%4，计算值 0x%5）；固件不会使用它</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>the integrity record at offset 0x%1 does not match the SHA-256 of the %2 bytes before it</source>
        <translation>偏移 0x%1 处的完整性记录与其之前 %2 字节的 SHA-256 不匹配</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>bytes after the last record at offset 0x%1 are not erased flash (a record with a damaged header ends the list)</source>
        <translation>偏移 0x%1 处最后一条记录之后的字节不是已擦除的闪存（头部损坏的记录会使记录列表就此结束）</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the %1 slot says %2 bytes, past the end of the partition</source>
        <translation>%1 槽声明有 %2 字节，超出了分区末尾</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the %1 slot fails its CRC</source>
        <translation>%1 槽 CRC 校验失败</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>device certificate</source>
        <translation>设备证书</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The records need %1 bytes; the partition has %2 (0x%3)</source>
        <translation>这些记录需要 %1 字节；分区只有 %2 字节（0x%3）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give a larger --size (and partition); nothing was written.</source>
        <translation>请指定更大的 --size（并相应加大分区）；未写入任何内容。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the partition holds neither TLV records (magic 0xBA5EBA11) nor the legacy cust_flash layout</source>
        <translation>分区中既没有 TLV 记录（magic 0xBA5EBA11），也不是旧版 cust_flash 布局</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the partition is erased (all 0xFF): no certificate in it</source>
        <translation>分区已擦除（全为 0xFF）：其中没有证书</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>not a readable certificate, %1 bytes</source>
        <translation>不是可读取的证书，%1 字节</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>HMAC-encrypted private key, </source>
        <translation>HMAC 加密的私钥，</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>key derived with the HMAC peripheral, </source>
        <translation>由 HMAC 外设派生的密钥，</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>private key held in an eFuse block for the ECDSA peripheral</source>
        <translation>私钥保存在供 ECDSA 外设使用的 eFuse 块中</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>DS data: RSA %1-bit, IV and %2 bytes of ciphertext</source>
        <translation>DS 数据：RSA %1 位，IV 和 %2 字节密文</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DS data, %1 bytes</source>
        <translation>DS 数据，%1 字节</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DS context: eFuse key %1, RSA %2-bit</source>
        <translation>DS 上下文：eFuse 密钥 %1，RSA %2 位</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>DS context, %1 bytes</source>
        <translation>DS 上下文，%1 字节</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>security config: private key in eFuse block %1</source>
        <translation>安全配置：私钥位于 eFuse 块 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>security config</source>
        <translation>安全配置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SHA-256 of the partition before it: %1</source>
        <translation>此前分区内容的 SHA-256：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
</context>
<context>
    <name>Forgeline::Image::StoreInspection</name>
    <message>
        <location filename="../../core/image/storeinspect.cpp" line="+44"/>
        <source>erased (all 0xFF): no certificate store here</source>
        <translation>已擦除（全为 0xFF）：这里没有证书存储</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>esp_secure_cert, %1 layout, %2 records, %3 bytes used
</source>
        <translation>esp_secure_cert，%1 布局，%2 条记录，已用 %3 字节
</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>, CRC FAILS</source>
        <translation>，CRC 校验失败</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+36"/>
        <source>problem: %1
</source>
        <translation>问题：%1
</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>esp_secure_cert without a device certificate</source>
        <translation>esp_secure_cert 中没有设备证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>esp_secure_cert holds %1</source>
        <translation>esp_secure_cert 中存有 %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>NVS, encrypted: give the nvs_keys file to read it</source>
        <translation>NVS，已加密：请提供 nvs_keys 文件以读取</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>NVS with %1 entries, no certificate among them</source>
        <translation>NVS 有 %1 个条目，其中没有证书</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NVS holds %1</source>
        <translation>NVS 中存有 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>neither NVS nor esp_secure_cert: %1</source>
        <translation>既不是 NVS 也不是 esp_secure_cert：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>note: %1
</source>
        <translation>注意：%1
</translation>
    </message>
</context>
<context>
    <name>Forgeline::Monitor::SerialMonitor</name>
    <message>
        <location filename="../../core/monitor/serialmonitor.cpp" line="+56"/>
        <source>%1 went away (cable unplugged or board lost power).</source>
        <translation>%1 已消失（线缆被拔出或板子断电）。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot write the capture to %1: %2</source>
        <translation>无法将抓取的数据写入 %1：%2</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 is back.</source>
        <translation>%1 已恢复。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Watching %1 at %2 baud.</source>
        <translation>正在以 %2 波特率监视 %1。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Board reset into its firmware (RTS).</source>
        <translation>板子已复位并进入固件（RTS）。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 has no modem lines: sent the ROM loader&apos;s reboot command instead of an RTS reset.</source>
        <translation>%1 没有调制解调器控制线：已改为发送 ROM 引导程序的重启命令，而不是 RTS 复位。</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>The output is mostly not text: is %1 baud the firmware&apos;s console rate?</source>
        <translation>输出大部分不是文本：%1 波特是固件的控制台波特率吗？</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Stopped writing the capture to %1 after %2 MB: %3 (the disk is full, or the file is as large as its file system or your limits allow). Still watching; the newest %4 lines stay in memory.</source>
        <translation>已写入 %2 MB 后停止将抓取的数据写入 %1：%3（磁盘已满，或文件已达到其文件系统或系统限制所允许的最大大小）。仍在监视；最新的 %4 行保留在内存中。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Protocomm::HttpTransport</name>
    <message>
        <location filename="../../core/protocomm/httptransport.cpp" line="+40"/>
        <source>The request for &apos;%1&apos; is %2 bytes; the device accepts 1 to 4096 bytes.</source>
        <translation>发往“%1”的请求有 %2 字节；设备只接受 1 到 4096 字节。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>The device sent a malformed HTTP reply.</source>
        <translation>设备返回的 HTTP 应答格式错误。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The device has no endpoint &apos;%1&apos;.</source>
        <translation>设备没有端点“%1”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The device answered HTTP %1 for &apos;%2&apos;.</source>
        <translation>设备对“%2”返回了 HTTP %1。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The device closed the connection without answering &apos;%1&apos;.</source>
        <translation>设备未应答“%1”就关闭了连接。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The device closed the connection before &apos;%1&apos; could be sent.</source>
        <translation>在发送“%1”之前设备就关闭了连接。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not connect to the device at %1:%2.</source>
        <translation>无法连接到设备 %1:%2。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join the device&apos;s Wi-Fi access point (PROV_...) and check the address.</source>
        <translation>请连接设备的 Wi-Fi 热点（PROV_...）并检查地址。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The connection to the device failed while waiting for &apos;%1&apos;.</source>
        <translation>等待“%1”时与设备的连接失败。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The device did not answer &apos;%1&apos; within %2 ms.</source>
        <translation>设备在 %2 毫秒内没有应答“%1”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not connect to the device at %1:%2 within %3 ms.</source>
        <translation>无法在 %3 毫秒内连接到设备 %1:%2。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Protocomm::ProvisionClient</name>
    <message>
        <location filename="../../core/protocomm/provisionclient.cpp" line="+117"/>
        <source>The device uses Security%1, but Security%2 was requested.</source>
        <translation>设备使用 Security%1，但请求的是 Security%2。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Leave the security level on automatic or match the device.</source>
        <translation>请将安全级别设为自动，或与设备保持一致。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The device predates Security 2 (its proto-ver has no sec_ver); using Security %1.</source>
        <translation>设备早于 Security 2（其 proto-ver 中没有 sec_ver）；使用 Security %1。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The device reports an unknown security level %1.</source>
        <translation>设备报告了未知的安全级别 %1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The device does not use a proof of possession; the PoP given is ignored.</source>
        <translation>设备不使用所有权证明；给出的 PoP 将被忽略。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This device needs its proof of possession (PoP).</source>
        <translation>此设备需要所有权证明（PoP）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the PoP from the board&apos;s label or scan its QR code.</source>
        <translation>请填写板子标签上的 PoP，或扫描其二维码。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No Security 2 username was given; using &apos;wifiprov&apos;, the ESP-IDF example&apos;s.</source>
        <translation>未给出 Security 2 用户名；使用 ESP-IDF 示例中的“wifiprov”。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This device uses Security 2 and needs its proof-of-possession password.</source>
        <translation>此设备使用 Security 2，需要所有权证明密码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the password from the board&apos;s label or scan its QR code.</source>
        <translation>请填写板子标签上的密码，或扫描其二维码。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The board&apos;s Security 2 verifier was made by esp_prov; the session uses its form of the password hash.</source>
        <translation>板子的 Security 2 验证值由 esp_prov 生成；会话使用其密码哈希形式。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Connect to the device first.</source>
        <translation>请先连接设备。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>The device did not answer the session handshake.</source>
        <translation>设备没有应答会话握手。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the security level; a device restarting or busy with another client also does this.</source>
        <translation>请检查安全级别；设备正在重启或正忙于其他客户端时也会这样。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The secure session with the device keeps getting lost.</source>
        <translation>与设备的安全会话不断丢失。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move closer to the board or power-cycle it, then try again.</source>
        <translation>请靠近板子或给它断电重启，然后重试。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Lost the secure session with the device (%1) Re-establishing it.</source>
        <translation>与设备的安全会话已丢失（%1），正在重新建立。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Secure session re-established; repeating &apos;%1&apos;.</source>
        <translation>安全会话已重新建立；正在重复“%1”。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No secure session: connect to the device first.</source>
        <translation>没有安全会话：请先连接设备。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the reply to &apos;%1&apos; did not decrypt to a valid message.</source>
        <translation>“%1”的回复解密后不是有效的消息。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The secure session was lost again right after it had been re-established.</source>
        <translation>安全会话刚重新建立后又丢失了。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Power-cycle the board and try again.</source>
        <translation>请给板子断电重启后重试。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The device rejected the Wi-Fi settings.</source>
        <translation>设备拒绝了 Wi-Fi 设置。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An SSID has at most 32 bytes, a passphrase at most 63, a BSSID exactly 6.</source>
        <translation>SSID 最多 32 字节，密码最多 63 字节，BSSID 必须为 6 字节。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The device refused to apply the Wi-Fi settings.</source>
        <translation>设备拒绝应用 Wi-Fi 设置。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It may already have credentials: reset it with prov-ctrl or power-cycle it.</source>
        <translation>它可能已有凭据：请用 prov-ctrl 重置，或断电重启。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The device refused the reset: it only resets after a failed connection attempt.</source>
        <translation>设备拒绝重置：只有在连接失败后才能重置。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The device refused re-provisioning: its firmware keeps auto-stop enabled.</source>
        <translation>设备拒绝重新配网：其固件启用了自动停止。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The device&apos;s Wi-Fi scan did not finish.</source>
        <translation>设备的 Wi-Fi 扫描没有完成。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Sim</name>
    <message>
        <location filename="../../core/sim/devicecredentials.cpp" line="+86"/>
        <source>The esp_secure_cert partition holds no usable device certificate and key.</source>
        <translation>esp_secure_cert 分区中没有可用的设备证书和私钥。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The nvs_keys partition does not hold valid keys.</source>
        <translation>nvs_keys 分区中没有有效的密钥。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The NVS partition holds only part of the credentials (%1/%2, %1/%3).</source>
        <translation>NVS 分区只包含部分凭据（%1/%2、%1/%3）。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The flash is too small to hold a partition table.</source>
        <translation>闪存太小，放不下分区表。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Sim::DemoTlsServer</name>
    <message>
        <location filename="../../core/sim/demotlsserver.cpp" line="+41"/>
        <source>Could not start the virtual boards&apos; TLS server.</source>
        <translation>无法启动虚拟板的 TLS 服务器。</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>The demo pool&apos;s CA is not marked as a CA (a pool made by an older Forgeline): no demo certificate would be accepted.</source>
        <translation>演示证书池的 CA 未被标记为 CA（该证书池由旧版 Forgeline 创建）：任何演示证书都不会被接受。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete the demo-pool folder; the next virtual board makes a new one.</source>
        <translation>请删除演示证书池文件夹；下一块虚拟板会新建一个。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No CA certificate to check the boards&apos; certificates against.</source>
        <translation>没有可用于校验板子证书的 CA 证书。</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>accepted %1 (certificate issued by %2)</source>
        <translation>已接受 %1（证书由 %2 签发）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the board closed the connection</source>
        <translation>板子关闭了连接</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>handshake failed: %1</source>
        <translation>握手失败：%1</translation>
    </message>
</context>
<context>
    <name>Forgeline::Sim::FirmwareProfile</name>
    <message>
        <location filename="../../core/sim/firmwareprofile.cpp" line="+16"/>
        <source>Board profile, firmware: %1</source>
        <translation>板子配置，固件：%1</translation>
    </message>
</context>
<context>
    <name>Forgeline::Sim::RomBoardProfile</name>
    <message>
        <location filename="../../core/sim/romboardprofile.cpp" line="+38"/>
        <source>Board profile: %1</source>
        <translation>板子配置：%1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Bad value in serial fault &quot;%1&quot;.</source>
        <translation>串口故障“%1”中的值无效。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Bad address in serial fault &quot;%1&quot;.</source>
        <translation>串口故障“%1”中的地址无效。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown serial fault &quot;%1&quot;; known: %2</source>
        <translation>未知的串口故障“%1”；已知的有：%2</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>a contents entry names no partition of the table: %1</source>
        <translation>contents 中的一项没有指向分区表中的分区：%1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>a certificate store in contents needs &quot;partition&quot;</source>
        <translation>contents 中的证书存储需要 &quot;partition&quot;</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the keysPartition is not in the table</source>
        <translation>keysPartition 不在分区表中</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>unknown chip &quot;%1&quot;</source>
        <translation>未知芯片“%1”</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>security.flashCryptCnt is 0..0x7F</source>
        <translation>security.flashCryptCnt 的取值为 0..0x7F</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>security.flags is not a number</source>
        <translation>security.flags 不是数字</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>security.flashCryptConfig is 0..15</source>
        <translation>security.flashCryptConfig 的取值为 0..15</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>package is not a number</source>
        <translation>package 不是数字</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>flashId is not a known JEDEC id</source>
        <translation>flashId 不是已知的 JEDEC ID</translation>
    </message>
    <message>
        <location line="-136"/>
        <source>a contents entry has no valid offset</source>
        <translation>contents 中有一项没有有效的偏移量</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>cannot read %1</source>
        <translation>无法读取 %1</translation>
    </message>
</context>
<context>
    <name>Forgeline::Sim::RomDevice</name>
    <message>
        <location filename="../../core/sim/romdevice.cpp" line="+68"/>
        <source>%1 cannot be revision &quot;%2&quot;.</source>
        <translation>%1 不可能是版本“%2”。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Sim::RomSerialServer</name>
    <message>
        <location filename="../../core/sim/romserialserver.cpp" line="+45"/>
        <source>Could not create a pseudo-terminal.</source>
        <translation>无法创建伪终端。</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Could not listen on TCP port %1.</source>
        <translation>无法监听 TCP 端口 %1。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Sim::VirtualFirmware</name>
    <message>
        <location filename="../../core/sim/virtualfirmware.cpp" line="+30"/>
        <source>Could not read the demo certificate pool.</source>
        <translation>无法读取演示证书池。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>TLS server %1: %2</source>
        <translation>TLS 服务器 %1：%2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>This build has no virtual board firmware (built without mbedTLS): the virtual board runs its ROM loader only.</source>
        <translation>此版本不含虚拟板固件（构建时未启用 mbedTLS）：虚拟板只运行其 ROM 引导程序。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The virtual board&apos;s firmware did not start.</source>
        <translation>虚拟板的固件未能启动。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Station::BoardRun</name>
    <message>
        <location filename="../../core/station/boardrun.cpp" line="+85"/>
        <source>Stopped by the operator.</source>
        <translation>已被操作员停止。</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>%1 failed: %2 (%3)</source>
        <translation>%1 失败：%2（%3）</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>could not return pair %1 to the pool: %2</source>
        <translation>无法将证书对 %1 归还证书池：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pair %1 returned to the pool (nothing was written)</source>
        <translation>证书对 %1 已归还证书池（未写入任何内容）</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>A different board answered on this port (MAC %1, expected %2).</source>
        <translation>此端口上应答的是另一块板子（MAC %1，应为 %2）。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>The recipe writes a certificate but no pool was given.</source>
        <translation>配方要写入证书，但没有给出证书池。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass --pool DIR or --db URL.</source>
        <translation>请指定 --pool DIR 或 --db URL。</translation>
    </message>
    <message>
        <location filename="../../core/station/boardrunflash.cpp" line="+47"/>
        <source>Cannot read a file to flash.</source>
        <translation>无法读取要烧录的文件。</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The board has no &quot;%1&quot; partition.</source>
        <translation>板子上没有“%1”分区。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the board&apos;s partition table against the recipe.</source>
        <translation>请对照配方检查板子的分区表。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 for %2: %3</source>
        <translation>%2 的 %1：%3</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>writing %1 bytes to %2 at 0x%3</source>
        <translation>正在将 %1 字节写入 %2（0x%3）</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>%1 does not read back as written.</source>
        <translation>%1 读回的内容与写入的不一致。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>md5 chip %1, expected %2</source>
        <translation>芯片 MD5 %1，应为 %2</translation>
    </message>
    <message>
        <location filename="../../core/station/boardrun.cpp" line="+69"/>
        <source>the station database did not take the record (%1); kept in %2 and sent on the next run</source>
        <translation>工位数据库未接收该记录（%1）；已暂存于 %2，下次运行时发送</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>record spool: %1 %2</source>
        <translation>记录暂存：%1 %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>record not stored: %1</source>
        <translation>记录未保存：%1</translation>
    </message>
    <message>
        <location filename="../../core/station/boardrunsteps.cpp" line="+77"/>
        <source>No usable provisioning address for this port.</source>
        <translation>此端口没有可用的配网地址。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The board did not join Wi-Fi.</source>
        <translation>板子没有连上 Wi-Fi。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>custom data accepted (%1 reply bytes)</source>
        <translation>自定义数据已被接受（回复 %1 字节）</translation>
    </message>
    <message>
        <location filename="../../core/station/boardrunconnect.cpp" line="+48"/>
        <source>The board did not print &quot;%1&quot; within %2 s.</source>
        <translation>板子在 %2 秒内没有打印“%1”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check the board&apos;s log in the Monitor workspace; is the server reachable from the line?</source>
        <translation>请在“监视”工作区中查看板子的日志；产线能访问到服务器吗？</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>connected: %1</source>
        <translation>已连接：%1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The board&apos;s TLS handshake failed: %1 %2 (%3).</source>
        <translation>板子的 TLS 握手失败：%1 %2（%3）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no diagnosis</source>
        <translation>无诊断</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>log lines %1-%2</source>
        <translation>日志第 %1-%2 行</translation>
    </message>
</context>
<context>
    <name>Forgeline::Station::CertIdentity</name>
    <message>
        <location filename="../../core/station/certidentity.cpp" line="+37"/>
        <source>The pool&apos;s certificate cannot be read.</source>
        <translation>无法读取证书池中的证书。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>neither PEM nor DER X.509</source>
        <translation>既不是 PEM 也不是 DER 格式的 X.509</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Replace the pair in the pool.</source>
        <translation>请更换证书池中的这对证书。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Station::CertPool</name>
    <message>
        <location filename="../../core/station/certpool.cpp" line="+36"/>
        <source>Cannot read a pool file.</source>
        <translation>无法读取证书池文件。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The certificate pool folder does not exist.</source>
        <translation>证书池文件夹不存在。</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>A pair can only be claimed for a known MAC.</source>
        <translation>只能为已知 MAC 领取证书对。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The certificate pool has no free pair left.</source>
        <translation>证书池中已没有空闲的证书对。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add certificate/key pairs to the pool.</source>
        <translation>请向证书池添加证书/私钥对。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Another station took the pair; try again.</source>
        <translation>另一个工位已领取该证书对；请重试。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The pair vanished from the pool.</source>
        <translation>该证书对已从证书池中消失。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Station::PoolManifest</name>
    <message>
        <location filename="../../core/station/poolmanifest.cpp" line="+25"/>
        <source>manifest.csv line %1: %2</source>
        <translation>manifest.csv 第 %1 行：%2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>quoted fields are not supported; write id,cert,key without quotes</source>
        <translation>不支持带引号的字段；请写成不带引号的 id,cert,key</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a line needs id,cert,key</source>
        <translation>每行需要 id,cert,key</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a header line (id,cert,key) may only be the first line</source>
        <translation>表头行（id,cert,key）只能是第一行</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>id, cert and key must all be given</source>
        <translation>id、cert 和 key 必须全部给出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the certificate and the key are the same file</source>
        <translation>证书和私钥是同一个文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the id &quot;%1&quot; appears twice</source>
        <translation>id“%1”出现了两次</translation>
    </message>
</context>
<context>
    <name>Forgeline::Station::Recipe</name>
    <message>
        <location filename="../../core/station/recipe.cpp" line="+34"/>
        <source>The recipe is not valid: %1</source>
        <translation>配方无效：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fix the recipe file (see docs/cli.md, station).</source>
        <translation>请修正配方文件（参见 docs/cli.md 的 station 一节）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is not a number</source>
        <translation>%1 不是数字</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot read the %1 file</source>
        <translation>无法读取 %1 文件</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>a certificate store item needs &quot;partition&quot;</source>
        <translation>证书存储项需要 &quot;partition&quot;</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>an NVS item&apos;s version must be 1 or 2</source>
        <translation>NVS 项的 version 必须为 1 或 2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the NVS CSV uses an unknown placeholder {%1} (known: {certificate}, {key}, {mac}, {pair})</source>
        <translation>NVS CSV 使用了未知的占位符 {%1}（已知：{certificate}、{key}、{mac}、{pair}）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the NVS CSV %1: %2</source>
        <translation>NVS CSV %1：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>NVS encryption needs &quot;keysPartition&quot; (for example nvs_keys)</source>
        <translation>NVS 加密需要 &quot;keysPartition&quot;（例如 nvs_keys）</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Cannot read the recipe.</source>
        <translation>无法读取配方。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>baud must be positive</source>
        <translation>baud 必须为正数</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>unknown flash source &quot;%1&quot;</source>
        <translation>未知的烧录来源“%1”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a file flash item needs &quot;file&quot;</source>
        <translation>文件类烧录项需要“file”</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>a flash item needs a partition or an address</source>
        <translation>烧录项需要分区或地址</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>provision needs an ssid</source>
        <translation>provision 需要 ssid</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>provision.security must be 0, 1 or 2</source>
        <translation>provision.security 只能是 0、1 或 2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>provision needs &quot;addresses&quot; per port or an &quot;address&quot;</source>
        <translation>provision 需要按端口给出的“addresses”或一个“address”</translation>
    </message>
</context>
<context>
    <name>Forgeline::Station::RecordsPool</name>
    <message>
        <location filename="../../core/station/recordspool.cpp" line="+67"/>
        <location line="+6"/>
        <source>Could not keep the record locally either.</source>
        <translation>也无法在本地暂存该记录。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Sent the waiting records but could not empty the spool.</source>
        <translation>已发送待发记录，但无法清空暂存文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>remove failed</source>
        <translation>删除失败</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+4"/>
        <source>Could not rewrite the record spool.</source>
        <translation>无法重写记录暂存文件。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Station::StationDatabase</name>
    <message>
        <location filename="../../core/station/stationdatabase.cpp" line="+63"/>
        <source>PostgreSQL is not available in this build (Qt driver QPSQL missing).</source>
        <translation>此版本不支持 PostgreSQL（缺少 Qt 驱动 QPSQL）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Install libqt6sql6-psql, or use an SQLite file.</source>
        <translation>请安装 libqt6sql6-psql，或使用 SQLite 文件。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The database address names no file.</source>
        <translation>数据库地址中没有文件名。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The station database failed (%1).</source>
        <translation>工位数据库出错（%1）。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Station::StationLine</name>
    <message>
        <location filename="../../core/station/stationline.cpp" line="+28"/>
        <source>The line is already running.</source>
        <translation>产线已在运行。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Station::StoreImage</name>
    <message>
        <location filename="../../core/station/storeimage.cpp" line="+51"/>
        <source>NVS v%1, %2 data pages%3</source>
        <translation>NVS v%1，%2 个数据页%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, encrypted</source>
        <translation>，已加密</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>esp_secure_cert TLV: device certificate, private key</source>
        <translation>esp_secure_cert TLV：设备证书、私钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>esp_secure_cert TLV: CA certificate, device certificate, private key</source>
        <translation>esp_secure_cert TLV：CA 证书、设备证书、私钥</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This flash item is not a certificate store.</source>
        <translation>此烧录项不是证书存储。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Tls</name>
    <message>
        <location filename="../../core/tls/records/dissector.cpp" line="+30"/>
        <source>raw bytes</source>
        <translation>原始字节</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../../core/tls/records/recordfindings.cpp" line="+24"/>
        <location line="+4"/>
        <source>client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../core/tls/records/recordfindings.cpp" line="-4"/>
        <location line="+4"/>
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>stream %1 (%2 → %3) carried no TLS%4</source>
        <translation>流 %1（%2 → %3）中没有 TLS%4</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n more connection(s) carried no TLS.</source>
        <translation>
            <numerusform>另有 %n 个连接中没有 TLS。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>There is no TLS stream %1 in %2.</source>
        <translation>%2 中没有 TLS 流 %1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run without --stream to list the streams.</source>
        <translation>不带 --stream 运行可列出所有流。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../core/tls/records/handshakedetails.cpp" line="+42"/>
        <source>%n bytes</source>
        <translation>
            <numerusform>%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>malformed</source>
        <translation>格式错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the message ends early or a length does not fit (at byte %1)</source>
        <translation>消息提前结束或长度不符（在第 %1 字节处）</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n entries</source>
        <translation>
            <numerusform>%n 项</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>host name</source>
        <translation>主机名</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>invalid code %1</source>
        <translation>无效代码 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>groups</source>
        <translation>组</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>schemes</source>
        <translation>签名方案</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>extensions</source>
        <translation>扩展</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n extensions</source>
        <translation>
            <numerusform>%n 个扩展</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+31"/>
        <source>version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>HelloRetryRequest</source>
        <translation>HelloRetryRequest</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>random</source>
        <translation>随机数</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>session id</source>
        <translation>会话 ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cipher suites</source>
        <translation>密码套件列表</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cipher suite</source>
        <translation>密码套件</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>empty: no certificate</source>
        <translation>空：没有证书</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n certificates</source>
        <translation>
            <numerusform>%n 张证书</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(not a distinguished name)</source>
        <translation>（不是可分辨名称）</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>certificate types</source>
        <translation>证书类型</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>signature algorithms</source>
        <translation>签名算法</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>certificate authorities</source>
        <translation>证书颁发机构</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(any)</source>
        <translation>（任意）</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n names</source>
        <translation>
            <numerusform>%n 个名称</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+10"/>
        <location line="+1"/>
        <source>key exchange</source>
        <translation>密钥交换</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>group</source>
        <translation>组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>public key</source>
        <translation>公钥</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unknown (PSK or RSA export)</source>
        <translation>未知（PSK 或 RSA export）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>prime</source>
        <translation>素数</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n bits</source>
        <translation>
            <numerusform>%n 位</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>DHE %n bits</source>
        <translation>
            <numerusform>DHE %n 位</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+3"/>
        <location line="+95"/>
        <location line="+3"/>
        <source>signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <location line="-101"/>
        <location line="+98"/>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>certificate #%1</source>
        <translation>证书 #%1</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>DER size</source>
        <translation>DER 大小</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not a valid X.509 certificate</source>
        <translation>不是有效的 X.509 证书</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>subject</source>
        <translation>主体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>issuer</source>
        <translation>签发者</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>key</source>
        <translation>密钥</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 %2 bits</source>
        <translation>%1 %2 位</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not before</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not after</source>
        <translation>失效时间</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>length</source>
        <translation>长度</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>unexpected body</source>
        <translation>意外的消息体</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>key exchange data</source>
        <translation>密钥交换数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>verify data</source>
        <translation>验证数据</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ticket lifetime</source>
        <translation>票据有效期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../core/tls/records/recorddissector.cpp" line="+46"/>
        <source>client→server</source>
        <translation>客户端→服务器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>server→client</source>
        <translation>服务器→客户端</translation>
    </message>
</context>
<context>
    <name>Forgeline::Tls::CaptureReader</name>
    <message>
        <location filename="../../core/tls/records/capturereader.cpp" line="+50"/>
        <source>frame %1: %2</source>
        <translation>第 %1 帧：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The capture is damaged or cut short after frame %1 (%2); the frames before it are shown.</source>
        <translation>抓包文件在第 %1 帧之后已损坏或被截断（%2）；仅显示此前的帧。</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n frame(s) are not TCP over IP and were skipped (first: %1).</source>
        <translation>
            <numerusform>%n 个帧不是基于 IP 的 TCP，已跳过（第一个：%1）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n retransmitted or duplicate segment(s) were ignored.</source>
        <translation>
            <numerusform>已忽略 %n 个重传或重复的分段。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This capture cannot be read: %1</source>
        <translation>无法读取此抓包文件：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save it again from Wireshark as pcap or pcapng.</source>
        <translation>请在 Wireshark 中将其重新保存为 pcap 或 pcapng 格式。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot open %1.</source>
        <translation>无法打开 %1。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The capture is empty.</source>
        <translation>抓包文件为空。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot read the capture from memory.</source>
        <translation>无法从内存读取抓包数据。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Tls::CodeParser</name>
    <message>
        <location filename="../../core/tls/codeparser.cpp" line="+72"/>
        <source>the input is %1 characters long; paste a single error code</source>
        <translation>输入长达 %1 个字符；请只粘贴一个错误码</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&quot;flags&quot; needs a value, e.g. flags 0x00000208</source>
        <translation>“flags”需要一个值，例如 flags 0x00000208</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>empty input</source>
        <translation>输入为空</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1 hex digits is far too long for an error code (they are at most 8)</source>
        <translation>%1 位十六进制数对错误码来说太长了（最多 8 位）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the number is too large to be an error code</source>
        <translation>该数字太大，不可能是错误码</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 digits is far too long for an error code (they fit in 32 bits)</source>
        <translation>%1 位数字对错误码来说太长了（错误码在 32 位以内）</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>&quot;%1&quot; is not a hex number (only 0-9 and A-F may follow 0x)</source>
        <translation>“%1”不是十六进制数（0x 之后只能是 0-9 和 A-F）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is neither a number nor an error name</source>
        <translation>“%1”既不是数字也不是错误名</translation>
    </message>
</context>
<context>
    <name>Forgeline::Tls::DecodeReport</name>
    <message>
        <location filename="../../core/tls/decodereport.cpp" line="+53"/>
        <location line="+82"/>
        <source>fixes</source>
        <translation>修复建议</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>  (inference)</source>
        <translation>  （推断）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  how: </source>
        <translation>  解读方式：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  meaning: </source>
        <translation>  含义：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  parts:
</source>
        <translation>  组成部分：
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>  defined in: </source>
        <translation>  定义于：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>  versions: </source>
        <translation>  版本：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  diagnosis: </source>
        <translation>  诊断：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>likely causes</source>
        <translation>可能原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>read more</source>
        <translation>了解更多</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Input: </source>
        <translation>输入：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>closest readings</source>
        <translation>最接近的解读</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reading %1 of %2:
</source>
        <translation>第 %1 种解读（共 %2 种）：
</translation>
    </message>
</context>
<context>
    <name>Forgeline::Tls::DiagnosisEngine</name>
    <message>
        <location filename="../../core/tls/diagnosisengine.cpp" line="+137"/>
        <source>the working log at this point: %1</source>
        <translation>成功日志在此处：%1</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Working log: %1</source>
        <translation>成功日志：%1</translation>
    </message>
</context>
<context>
    <name>Forgeline::Tls::DiagnosisReport</name>
    <message>
        <location filename="../../core/tls/diagnosisreport.cpp" line="+155"/>
        <source>Handshake failed with %1 %2 (line %3)
</source>
        <translation>握手失败，错误 %1 %2（第 %3 行）
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The handshake succeeded.
</source>
        <translation>握手成功。
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>
First divergence (working line %1, failing line %2):
  %3
</source>
        <translation>
首个分歧点（成功日志第 %1 行，失败日志第 %2 行）：
  %3
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>
The two handshakes follow the same steps.
</source>
        <translation>
两次握手步骤相同。
</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>
No known failure pattern matched.
</source>
        <translation>
没有匹配到已知的失败模式。
</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Forgeline TLS diagnosis</source>
        <translation>Forgeline TLS 诊断</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>TLS handshake diagnosis</source>
        <translation>TLS 握手诊断</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Failing log</source>
        <translation>失败日志</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>working log</source>
        <translation>成功日志</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Handshake failed with %1 %2 (line %3)</source>
        <translation>握手失败，错误 %1 %2（第 %3 行）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>First divergence</source>
        <translation>首个分歧点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Fixes</source>
        <translation>修复建议</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Error codes in the failing handshake</source>
        <translation>失败握手中的错误码</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Failing handshake, step by step</source>
        <translation>失败握手的逐步过程</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Generated by Forgeline %1. Secrets (keys, PoP, passphrases) are removed.</source>
        <translation>由 Forgeline %1 生成。机密信息（私钥、PoP、密码）已去除。</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+4"/>
        <source>Cannot write the report to %1.</source>
        <translation>无法将报告写入 %1。</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+25"/>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Tls::DiagnosisRules</name>
    <message>
        <location filename="../../core/tls/diagnosisrules.cpp" line="+106"/>
        <location line="+1"/>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>size not logged on this path</source>
        <translation>此代码路径下日志中未记录大小</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+10"/>
        <source>CONFIG_MBEDTLS_SSL_OUT_CONTENT_LEN</source>
        <translation>CONFIG_MBEDTLS_SSL_OUT_CONTENT_LEN</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+13"/>
        <source>size not logged</source>
        <translation>日志中未记录大小</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CONFIG_MBEDTLS_SSL_OUT_CONTENT_LEN, 4096 bytes by default</source>
        <translation>CONFIG_MBEDTLS_SSL_OUT_CONTENT_LEN，默认 4096 字节</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>a record of %1 bytes, &quot;%2&quot;</source>
        <translation>一条 %1 字节的记录，“%2”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>-0x7100 BAD_INPUT_DATA</source>
        <translation>-0x7100 BAD_INPUT_DATA</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>while the device was reading the server&apos;s %1</source>
        <translation>设备读取服务器的 %1 时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>right after the device sent its %1</source>
        <translation>设备刚发送完它的 %1 之后</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>before any handshake message was exchanged</source>
        <translation>在交换任何握手消息之前</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>-0x0050 NET_CONN_RESET, %1</source>
        <translation>-0x0050 NET_CONN_RESET，%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 from the socket layer</source>
        <translation>来自套接字层的 %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>-0x6800 SSL_TIMEOUT %1</source>
        <translation>-0x6800 SSL_TIMEOUT %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>the device sent alert %1 (%2)</source>
        <translation>设备发送了告警 %1（%2）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>no CA certificate was configured (got no CA chain, -0x7680)</source>
        <translation>未配置 CA 证书（got no CA chain，-0x7680）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 without the verify flags; an untrusted chain is the most common reason</source>
        <translation>%1 但没有验证标志；最常见的原因是证书链不受信任</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>the server side reports -0x7480 NO_CLIENT_CERTIFICATE</source>
        <translation>服务器端报告 -0x7480 NO_CLIENT_CERTIFICATE</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>-0x7580: no own certificate is configured</source>
        <translation>-0x7580：未配置自身证书</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>(number not in the log; enable CONFIG_MBEDTLS_DEBUG to see it)</source>
        <translation>（日志中没有该数值；启用 CONFIG_MBEDTLS_DEBUG 才能看到）</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>printed at line %1 right after mbedtls_ssl_handshake returned %2 at line %3</source>
        <translation>在第 %1 行打印，紧接在第 %3 行 mbedtls_ssl_handshake 返回 %2 之后</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>mbedTLS reports it at line %1; with debug level 4 the record dumps show which message was split</source>
        <translation>mbedTLS 在第 %1 行报告了此问题；使用调试级别 4 时，记录转储会显示是哪条消息被拆分了</translation>
    </message>
</context>
<context>
    <name>Forgeline::Tls::DiagnosisVocabulary</name>
    <message>
        <location filename="../../core/tls/diagnosisvocabulary.cpp" line="+83"/>
        <source>details in the evidence</source>
        <translation>详情见证据</translation>
    </message>
</context>
<context>
    <name>Forgeline::Tls::DissectReportWriter</name>
    <message>
        <location filename="../../core/tls/records/dissectreport.cpp" line="+66"/>
        <source> encrypted</source>
        <translation> 已加密</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fatal</source>
        <translation>致命</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> (truncated)</source>
        <translation>（已截断）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (%1 bytes missing)</source>
        <translation>（缺少 %1 字节）</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>line</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>frame</source>
        <translation>帧</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1: %2%3, %n stream(s)</source>
        <translation>
            <numerusform>%1：%2%3，%n 个流</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  not understood: %1</source>
        <translation>  无法解析：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>stream %1: %2 → %3%4</source>
        <translation>流 %1：%2 → %3%4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (starts mid-way)</source>
        <translation>（从中途开始）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>  gap: %1 bytes missing %2 after %3 %4</source>
        <translation>  缺口：%2 方向在%3 %4 之后缺少 %1 字节</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>  note: %1</source>
        <translation>  注：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Findings:</source>
        <translation>结论：</translation>
    </message>
</context>
<context>
    <name>Forgeline::Tls::Dissector</name>
    <message>
        <location filename="../../core/tls/records/dissector.cpp" line="+37"/>
        <source>%1 is empty.</source>
        <translation>%1 为空。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is neither a capture (pcap, pcapng), a text hex dump nor TLS bytes (it starts with %2).</source>
        <translation>%1 既不是抓包文件（pcap、pcapng），也不是文本十六进制转储或 TLS 字节（其开头为 %2）。</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+48"/>
        <source>No TLS records, capture or hex dump found in %1 (%2 lines).</source>
        <translation>在 %1（%2 行）中未找到 TLS 记录、抓包数据或十六进制转储。</translation>
    </message>
    <message>
        <location line="-44"/>
        <location line="+48"/>
        <source>Give a .pcap/.pcapng file, a hex dump (tcpdump -X, xxd, Wireshark), openssl -msg output or a device log with mbedTLS debug level 4.</source>
        <translation>请提供 .pcap/.pcapng 文件、十六进制转储（tcpdump -X、xxd、Wireshark）、openssl -msg 输出，或 mbedTLS 调试级别为 4 的设备日志。</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+18"/>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
</context>
<context>
    <name>Forgeline::Tls::ErrorDecoder</name>
    <message>
        <location filename="../../core/tls/errordecoder.cpp" line="+189"/>
        <source>read as X.509 verify-result flags (%1)</source>
        <translation>按 X.509 验证结果标志解读（%1）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>read as %1</source>
        <translation>按 %1 解读</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+3"/>
        <source>read as esp_err_t %1</source>
        <translation>按 esp_err_t %1 解读</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>read as a WICED result code (decimal %1)</source>
        <translation>按 WICED 结果码解读（十进制 %1）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>read as %1 with the minus sign restored (%2); esp-tls stores the mbedTLS code positive</source>
        <translation>补回负号后按 %1 解读（%2）；esp-tls 以正数保存 mbedTLS 错误码</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>read as %1 truncated to 16 bits: %2 as int16 is %3 (%4)</source>
        <translation>按截断为 16 位的 %1 解读：%2 作为 int16 是 %3（%4）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>read as %1, a negative 32-bit int printed unsigned: %2 (%3)</source>
        <translation>按 %1 解读，即以无符号形式打印的 32 位负整数：%2（%3）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>read as the value of mbedtls_ssl_get_verify_result()</source>
        <translation>按 mbedtls_ssl_get_verify_result() 的返回值解读</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>read as the name %1</source>
        <translation>按名称 %1 解读</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>short name %1 matches %2</source>
        <translation>简称 %1 匹配 %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is %2 in mbedTLS 4.0</source>
        <translation>%1 在 mbedTLS 4.0 中为 %2</translation>
    </message>
    <message>
        <location line="+157"/>
        <source>Nothing to decode: paste an error code such as -0x7500, -29952, FFFF8B00 or MBEDTLS_ERR_SSL_CONN_EOF.</source>
        <translation>没有可解码的内容：请粘贴错误码，例如 -0x7500、-29952、FFFF8B00 或 MBEDTLS_ERR_SSL_CONN_EOF。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not a known code: %1. Paste the number as printed (e.g. -0x7500, -29952, (FFFFD900)) or a macro name.</source>
        <translation>不是已知的错误码：%1。请按打印原样粘贴数字（例如 -0x7500、-29952、(FFFFD900)）或宏名。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>; read as %1 it matches no known code</source>
        <translation>；按 %1 解读时不匹配任何已知错误码</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>read as X.509 verify-result flags (%1), because no error code has this value</source>
        <translation>按 X.509 验证结果标志解读（%1），因为没有错误码取此值</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not a known code: no mbedTLS, PSA, esp-tls, ESP-IDF, WICED or X.509 value matches &quot;%1&quot;.</source>
        <translation>不是已知的错误码：没有任何 mbedTLS、PSA、esp-tls、ESP-IDF、WICED 或 X.509 值与“%1”匹配。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> Closest readings: %1.</source>
        <translation>最接近的解读：%1。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Tls::HandshakeTrace</name>
    <message>
        <location filename="../../core/tls/handshaketrace.cpp" line="+267"/>
        <source>the handshake starts</source>
        <translation>握手开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the handshake completes</source>
        <translation>握手完成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the state machine enters %1</source>
        <translation>状态机进入 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the client writes %1</source>
        <translation>客户端写出 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it parses %1</source>
        <translation>解析 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a %1 record of %2 bytes arrives</source>
        <translation>收到一条 %2 字节的 %1 记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a %1 record of %2 bytes is sent</source>
        <translation>发送一条 %2 字节的 %1 记录</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a %1 message (%2 bytes) is read</source>
        <translation>读取一条 %1 消息（%2 字节）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it waits for %1 bytes</source>
        <translation>等待 %1 字节</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the peer closed the TCP connection (f_recv returned 0)</source>
        <translation>对端关闭了 TCP 连接（f_recv 返回 0）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>receiving failed with %1</source>
        <translation>接收失败，错误 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 bytes arrive (f_recv returned %1)</source>
        <translation>收到 %1 字节（f_recv 返回 %1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sending failed with %1</source>
        <translation>发送失败，错误 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 bytes are sent</source>
        <translation>发送了 %1 字节</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the peer sends a %1 alert %2 (%3)</source>
        <translation>对端发送%1告警 %2（%3）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>fatal</source>
        <translation>致命</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+5"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>the device sends a %1 alert %2 (%3)</source>
        <translation>设备发送%1告警 %2（%3）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 returns %2</source>
        <translation>%1 返回 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the client offers ciphersuite %1</source>
        <translation>客户端提供密码套件 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the server chooses ciphersuite %1</source>
        <translation>服务器选择密码套件 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the peer sends the %1 extension</source>
        <translation>对端发送 %1 扩展</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 certificate #%2: %3 (%4 %5 bits)</source>
        <translation>%1证书 #%2：%3（%4 %5 位）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>own</source>
        <translation>自身</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a certificate</source>
        <translation>一张证书</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>certificate verification passes</source>
        <translation>证书验证通过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>certificate verification fails with flags 0x%1</source>
        <translation>证书验证失败，标志 0x%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the server asks for a client certificate</source>
        <translation>服务器要求客户端证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the client has no certificate to send</source>
        <translation>客户端没有可发送的证书</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a message of %1 bytes does not fit the %2-byte buffer</source>
        <translation>一条 %1 字节的消息放不进 %2 字节的缓冲区</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>allocating %1 bytes fails</source>
        <translation>分配 %1 字节失败</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mbedtls_ssl_handshake returns %1</source>
        <translation>mbedtls_ssl_handshake 返回 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the application reports that the peer certificate failed verification</source>
        <translation>应用程序报告对端证书验证失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the application prints &quot;Certificate verified.&quot;</source>
        <translation>应用程序打印了“Certificate verified.”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the connection times out</source>
        <translation>连接超时</translation>
    </message>
</context>
<context>
    <name>Forgeline::Tls::LogReader</name>
    <message>
        <location filename="../../core/tls/logreader.cpp" line="+115"/>
        <source>The log is empty.</source>
        <translation>日志为空。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is not a text log: it contains binary data.</source>
        <translation>这不是文本日志：其中含有二进制数据。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+63"/>
        <source>Save the serial monitor output as text and open that file.</source>
        <translation>请将串口监视器的输出保存为文本，再打开该文件。</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>The log file %1 does not exist.</source>
        <translation>日志文件 %1 不存在。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is a folder, not a log file.</source>
        <translation>%1 是文件夹，不是日志文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+57"/>
        <source>The log file %1 is empty.</source>
        <translation>日志文件 %1 为空。</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Cannot open %1.</source>
        <translation>无法打开 %1。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cannot read %1: the file is damaged.</source>
        <translation>无法读取 %1：文件已损坏。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 is not a text log: it contains binary data.</source>
        <translation>%1 不是文本日志：其中含有二进制数据。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reading %1 was cancelled.</source>
        <translation>已取消读取 %1。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Tls::PreflightChecks</name>
    <message>
        <location filename="../../core/tls/preflightchainchecks.cpp" line="+64"/>
        <source>Certificate chain leads to the CA</source>
        <translation>证书链可追溯到 CA</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not checked: no CA was given, so it is unknown whether the server will trust this certificate.</source>
        <translation>未检查：没有给出 CA，无法判断服务器是否信任此证书。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the CA that issued the device certificate (the one the server trusts) with --ca.</source>
        <translation>请用 --ca 给出签发设备证书的 CA（即服务器信任的 CA）。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1 verifies to the given CA (%2 certificate(s) in the path).</source>
        <translation>%1 可验证到给出的 CA（路径中有 %2 张证书）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The chain stops at %1: no certificate for its issuer %2 is in the chain or the CA file. The server cannot build a path and rejects the device (alert unknown_ca).</source>
        <translation>证书链止于 %1：证书链和 CA 文件中都没有其签发者 %2 的证书。服务器无法构建证书路径，会拒绝设备（告警 unknown_ca）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>If %1 is an intermediate CA, add its certificate to the chain file (--chain) so the device sends it; if the server trusts a different CA, check that the device certificate was issued by it.</source>
        <translation>如果 %1 是中间 CA，请将其证书加入证书链文件（--chain），让设备发送它；如果服务器信任的是另一个 CA，请确认设备证书由该 CA 签发。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The chain ends in the self-signed %1, which is not the given CA: the server rejects the device with a fatal alert (unknown_ca).</source>
        <translation>证书链止于自签名的 %1，它不是给出的 CA：服务器会以致命告警（unknown_ca）拒绝设备。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Have the device certificate issued by the CA the server trusts, or register this CA with the server.</source>
        <translation>请让服务器信任的 CA 签发设备证书，或在服务器上登记此 CA。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chain verification fails at depth %1 (%2): %3.</source>
        <translation>证书链验证在深度 %1（%2）处失败：%3。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re-issue the device certificate from the CA the server trusts.</source>
        <translation>请由服务器信任的 CA 重新签发设备证书。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Certificate may be used by a TLS client</source>
        <translation>证书可用于 TLS 客户端</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The extended key usage of %1 does not include clientAuth (TLS Web Client Authentication); a server checking it rejects the certificate with a fatal alert.</source>
        <translation>%1 的扩展密钥用法不包含 clientAuth（TLS Web 客户端身份验证）；检查此项的服务器会以致命告警拒绝该证书。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The key usage of %1 lacks digitalSignature, which a TLS client needs to sign CertificateVerify; a server checking it rejects the certificate.</source>
        <translation>%1 的密钥用法缺少 digitalSignature，而 TLS 客户端需要它来签署 CertificateVerify；检查此项的服务器会拒绝该证书。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Re-issue the certificate with extendedKeyUsage=clientAuth and keyUsage=digitalSignature.</source>
        <translation>请以 extendedKeyUsage=clientAuth 和 keyUsage=digitalSignature 重新签发证书。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is a CA certificate (basicConstraints CA:TRUE); some servers refuse CA certificates as client certificates.</source>
        <translation>%1 是 CA 证书（basicConstraints CA:TRUE）；有些服务器不接受 CA 证书作为客户端证书。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Issue the device an end-entity certificate (CA:FALSE).</source>
        <translation>请为设备签发终端实体证书（CA:FALSE）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Extended key usage includes clientAuth.</source>
        <translation>扩展密钥用法包含 clientAuth。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No extended key usage restriction: any use, including TLS client, is allowed.</source>
        <translation>没有扩展密钥用法限制：允许任何用途，包括 TLS 客户端。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Certificates are valid now</source>
        <translation>证书当前有效</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 expired on %2; the server rejects it with a fatal alert (certificate_expired).</source>
        <translation>%1 已于 %2 过期；服务器会以致命告警（certificate_expired）拒绝它。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Issue a new certificate before flashing.</source>
        <translation>请在烧录前签发新证书。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is not valid before %2; until then the server rejects it with a fatal alert.</source>
        <translation>%1 在 %2 之前无效；在此之前服务器会以致命告警拒绝它。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the issuing machine&apos;s clock and re-issue the certificate with a start date in the past.</source>
        <translation>请检查签发机器的时钟，并以过去的起始日期重新签发证书。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 expires on %2, within 30 days.</source>
        <translation>%1 将于 %2 过期，不到 30 天。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Renew the certificate before shipping the device.</source>
        <translation>请在设备出货前更新证书。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Valid from %1 until %2.</source>
        <translation>有效期从 %1 至 %2。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Device clock and certificate dates</source>
        <translation>设备时钟与证书日期</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 builds mbedTLS with CONFIG_MBEDTLS_HAVE_TIME_DATE=n: the device ignores certificate dates, so %2 does not fail the handshake (and an expired server certificate goes unnoticed).</source>
        <translation>%1 编译 mbedTLS 时 CONFIG_MBEDTLS_HAVE_TIME_DATE=n：设备忽略证书日期，因此%2不会导致握手失败（过期的服务器证书也不会被发现）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a clock still at 1970 (no SNTP)</source>
        <translation>停留在 1970 年的时钟（无 SNTP）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the clock</source>
        <translation>时钟</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing to do for this target. If the firmware sets CONFIG_MBEDTLS_HAVE_TIME_DATE=y, start SNTP and wait for the first sync before TLS.</source>
        <translation>对此目标无需处理。如果固件设置了 CONFIG_MBEDTLS_HAVE_TIME_DATE=y，请启动 SNTP，并在 TLS 之前等待首次同步。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>CONFIG_MBEDTLS_HAVE_TIME_DATE=y and the clock is synced before TLS: dates are checked against the real time.</source>
        <translation>CONFIG_MBEDTLS_HAVE_TIME_DATE=y 且时钟在 TLS 之前已同步：按真实时间检查日期。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>With CONFIG_MBEDTLS_HAVE_TIME_DATE=y and no SNTP the device clock reads 1970-01-01, so every server certificate starts in the future: verification fails with -0x2700 (flag 0x200 BADCERT_FUTURE, &quot;The certificate validity starts in the future&quot;).</source>
        <translation>在 CONFIG_MBEDTLS_HAVE_TIME_DATE=y 且没有 SNTP 时，设备时钟为 1970-01-01，所有服务器证书的有效期都从“未来”开始：验证失败，错误 -0x2700（标志 0x200 BADCERT_FUTURE，“The certificate validity starts in the future”）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start SNTP (esp_sntp_init) and wait for sntp_get_sync_status() == SNTP_SYNC_STATUS_COMPLETED before the first TLS connection, or restore a saved time; then re-run with --device-clock synced.</source>
        <translation>请启动 SNTP（esp_sntp_init），在首次 TLS 连接之前等待 sntp_get_sync_status() == SNTP_SYNC_STATUS_COMPLETED，或恢复已保存的时间；然后用 --device-clock synced 重新运行。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Certificate message fits the TX buffer</source>
        <translation>Certificate 消息放得进发送缓冲区</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The Certificate message is %1 bytes (%2 certificate(s)); %3 is %4.</source>
        <translation>Certificate 消息为 %1 字节（%2 张证书）；%3 为 %4。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>When the server asks for a client certificate, the device must send %1 bytes (%2 certificate(s)) but %3 is %4: the handshake fails with %5 and the log shows &quot;certificate too large, %1 &gt; %4&quot;.</source>
        <translation>服务器要求客户端证书时，设备必须发送 %1 字节（%2 张证书），但 %3 只有 %4：握手失败，错误 %5，日志中显示“certificate too large, %1 &gt; %4”。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Set %1=%2 (at least %3)%4, or send fewer certificates (the leaf alone is %5 bytes).</source>
        <translation>设置 %1=%2（至少 %3）%4，或少发送几张证书（仅叶证书就有 %5 字节）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>, or enable CONFIG_MBEDTLS_ASYMMETRIC_CONTENT_LEN</source>
        <translation>，或启用 CONFIG_MBEDTLS_ASYMMETRIC_CONTENT_LEN</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No buffer setting fits: TLS records carry at most 16384 bytes. Send only the leaf and the intermediates the server lacks (the leaf alone is %1 bytes).</source>
        <translation>没有放得下的缓冲区设置：TLS 记录最多 16384 字节。请只发送叶证书和服务器缺少的中间证书（仅叶证书就有 %1 字节）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Payload fits its partition</source>
        <translation>数据放得进其分区</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the certificate payload (PEM + NUL) is %1 bytes but the partition holds %2</source>
        <translation>证书数据（PEM + NUL）为 %1 字节，但分区只能容纳 %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>write DER (%1 bytes) if the firmware passes it to mbedtls_x509_crt_parse_der()</source>
        <translation>如果固件将其传给 mbedtls_x509_crt_parse_der()，可写入 DER（%1 字节）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>enlarge the certificate partition to %1 (partitions.csv)</source>
        <translation>将证书分区扩大到 %1（partitions.csv）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>certificate payload %1 of %2 bytes (PEM + NUL; DER of the leaf: %3)</source>
        <translation>证书数据 %1 / %2 字节（PEM + NUL；叶证书 DER：%3）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the key payload is %1 bytes but the key partition holds %2</source>
        <translation>私钥数据为 %1 字节，但私钥分区只能容纳 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>enlarge the key partition or use an EC key (a P-256 PEM key is about 240 bytes)</source>
        <translation>扩大私钥分区，或使用 EC 私钥（P-256 的 PEM 私钥约 240 字节）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>key payload %1 of %2 bytes</source>
        <translation>私钥数据 %1 / %2 字节</translation>
    </message>
    <message>
        <location filename="../../core/tls/preflightkeychecks.cpp" line="+46"/>
        <source>%1 has no %2 keys, so parsing fails with PK_UNKNOWN_PK_ALG</source>
        <translation>%1 不支持 %2 私钥，因此解析失败，错误 PK_UNKNOWN_PK_ALG</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>this build has no elliptic-curve support (MBEDTLS_ECP_C off), so an EC key is an unknown algorithm</source>
        <translation>此版本不支持椭圆曲线（MBEDTLS_ECP_C 关闭），因此 EC 私钥属于未知算法</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the curve %1 is not enabled (CONFIG_MBEDTLS_ECP_DP_%2_ENABLED), so parsing fails with PK_UNKNOWN_NAMED_CURVE</source>
        <translation>曲线 %1 未启用（CONFIG_MBEDTLS_ECP_DP_%2_ENABLED），因此解析失败，错误 PK_UNKNOWN_NAMED_CURVE</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Private key is in a form mbedTLS reads</source>
        <translation>私钥格式可被 mbedTLS 读取</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The private key is encrypted (%1 %2). Firmware that loads it without a password (esp_tls_cfg_t.clientkey_password unset, the usual case) fails with -0x3C00 PK_PASSWORD_REQUIRED%3.</source>
        <translation>私钥已加密（%1 %2）。不带密码加载它的固件（未设置 esp_tls_cfg_t.clientkey_password，这是通常情况）会失败，错误 -0x3C00 PK_PASSWORD_REQUIRED%3。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>; the given password does decrypt it</source>
        <translation>；给出的密码可以解密它</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the key unencrypted (openssl pkey -in KEY -out key-plain.pem) and protect the partition with flash encryption, or set clientkey_password in the firmware (encrypted PKCS#8 with AES needs PKCS5 support in the device&apos;s mbedTLS).</source>
        <translation>请写入未加密的私钥（openssl pkey -in KEY -out key-plain.pem），并用闪存加密保护该分区；或在固件中设置 clientkey_password（AES 加密的 PKCS#8 需要设备 mbedTLS 支持 PKCS5）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>An &quot;EC PRIVATE KEY&quot; PEM block is not recognised by a build without elliptic curves: mbedtls_pk_parse_key() returns -0x3D00 PK_KEY_INVALID_FORMAT.</source>
        <translation>不支持椭圆曲线的版本无法识别“EC PRIVATE KEY”PEM 块：mbedtls_pk_parse_key() 返回 -0x3D00 PK_KEY_INVALID_FORMAT。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Use an RSA key, or enable CONFIG_MBEDTLS_ECP_C and the curve.</source>
        <translation>请使用 RSA 私钥，或启用 CONFIG_MBEDTLS_ECP_C 及该曲线。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 %2 key, not encrypted: mbedtls_pk_parse_key() reads this form%3.</source>
        <translation>%1 %2 私钥，未加密：mbedtls_pk_parse_key() 可读取此格式%3。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> once it is written out as PEM (mbedTLS has no PKCS#12 reader)</source>
        <translation>（需先导出为 PEM；mbedTLS 不能读取 PKCS#12）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Private key belongs to the certificate</source>
        <translation>私钥与证书匹配</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not checked: the private key is encrypted and no password was given.</source>
        <translation>未检查：私钥已加密且没有给出密码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give the key&apos;s password with --password-file to compare it with the certificate.</source>
        <translation>请用 --password-file 给出私钥密码，以便与证书比对。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The private key&apos;s public half equals the key in %1.</source>
        <translation>私钥的公钥部分与 %1 中的公钥一致。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The private key (%1) does not belong to the device certificate %2 (%3). The device sends the certificate, signs with the other key, and the server rejects the handshake with a fatal alert.</source>
        <translation>私钥（%1）与设备证书 %2（%3）不匹配。设备发送该证书却用另一把私钥签名，服务器会以致命告警拒绝握手。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pair each certificate with the key it was issued for (compare openssl x509 -pubkey and openssl pkey -pubout).</source>
        <translation>请让每张证书与其签发时对应的私钥配对（比较 openssl x509 -pubkey 和 openssl pkey -pubout 的输出）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Key algorithm, curve and size are supported</source>
        <translation>私钥算法、曲线和长度均受支持</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The device key is %1: %2.</source>
        <translation>设备私钥为 %1：%2。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issue the device a key mbedTLS supports: ECDSA P-256 (openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256) or RSA-2048.</source>
        <translation>请为设备生成 mbedTLS 支持的私钥：ECDSA P-256（openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256）或 RSA-2048。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enable CONFIG_MBEDTLS_ECP_DP_%1_ENABLED, or use a P-256 key.</source>
        <translation>请启用 CONFIG_MBEDTLS_ECP_DP_%1_ENABLED，或使用 P-256 私钥。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>RSA-%1 is beyond the RSA accelerator with CONFIG_MBEDTLS_HARDWARE_MPI=y and CONFIG_MBEDTLS_LARGE_KEY_SOFTWARE_MPI=n: signing fails with RSA_PRIVATE_FAILED + MPI_ALLOC_FAILED (-0x4310; verifying with such a key shows -0x4290).</source>
        <translation>在 CONFIG_MBEDTLS_HARDWARE_MPI=y 且 CONFIG_MBEDTLS_LARGE_KEY_SOFTWARE_MPI=n 时，RSA-%1 超出 RSA 加速器的能力：签名失败，错误 RSA_PRIVATE_FAILED + MPI_ALLOC_FAILED（-0x4310；用此类密钥验证时显示 -0x4290）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set CONFIG_MBEDTLS_LARGE_KEY_SOFTWARE_MPI=y, or use RSA-2048/3072 or an ECDSA P-256 key.</source>
        <translation>请设置 CONFIG_MBEDTLS_LARGE_KEY_SOFTWARE_MPI=y，或使用 RSA-2048/3072 或 ECDSA P-256 私钥。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>RSA-%1 parses, but servers increasingly reject RSA keys under 2048 bits.</source>
        <translation>RSA-%1 可以解析，但越来越多的服务器拒绝 2048 位以下的 RSA 密钥。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use RSA-2048 or ECDSA P-256.</source>
        <translation>请使用 RSA-2048 或 ECDSA P-256。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The curve %1 is compiled in, but mbedTLS %2 leaves it out of its default TLS groups and X.509 profile; a server that applies a similar policy rejects this certificate with a fatal alert (inference).</source>
        <translation>曲线 %1 已编译进来，但 mbedTLS %2 的默认 TLS 组和 X.509 配置不包含它；采用类似策略的服务器会以致命告警拒绝此证书（推断）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Prefer secp256r1 (P-256) or secp384r1 for device keys.</source>
        <translation>设备私钥建议使用 secp256r1（P-256）或 secp384r1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is supported by %2.</source>
        <translation>%2 支持 %1。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Certificates parse on the device</source>
        <translation>证书可在设备上解析</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is signed with %2, which %3 does not know: mbedtls_x509_crt_parse() fails with X509_UNKNOWN_SIG_ALG + OID_NOT_FOUND (-0x262E).</source>
        <translation>%1 使用 %2 签名，而 %3 不认识该算法：mbedtls_x509_crt_parse() 失败，错误 X509_UNKNOWN_SIG_ALG + OID_NOT_FOUND（-0x262E）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Have the certificate issued by an RSA or ECDSA CA.</source>
        <translation>请让 RSA 或 ECDSA CA 签发该证书。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 holds a %2 public key: %3; mbedtls_x509_crt_parse() returns that code.</source>
        <translation>%1 含有 %2 公钥：%3；mbedtls_x509_crt_parse() 会返回该错误码。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Issue the certificate for an ECDSA P-256 or RSA-2048 key.</source>
        <translation>请为 ECDSA P-256 或 RSA-2048 密钥签发证书。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The device certificate uses algorithms %1 parses.</source>
        <translation>设备证书使用的算法 %1 可以解析。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All %1 certificates use algorithms %2 parses.</source>
        <translation>全部 %1 张证书使用的算法 %2 都可以解析。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Tls::PreflightEngine</name>
    <message>
        <location filename="../../core/tls/preflightengine.cpp" line="+89"/>
        <source>No device certificate given.</source>
        <translation>没有给出设备证书。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give --cert FILE and --key FILE, or --p12 FILE.</source>
        <translation>请给出 --cert FILE 和 --key FILE，或 --p12 FILE。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No private key given.</source>
        <translation>没有给出私钥。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give --key FILE with the device certificate&apos;s private key.</source>
        <translation>请用 --key FILE 给出设备证书的私钥。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>device certificate</source>
        <translation>设备证书</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>device certificate file</source>
        <translation>设备证书文件</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>private key</source>
        <translation>私钥</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>chain</source>
        <translation>证书链</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>chain file</source>
        <translation>证书链文件</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>CA</source>
        <translation>CA</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CA file</source>
        <translation>CA 文件</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>device certificate: %1 (%2, signed with %3)</source>
        <translation>设备证书：%1（%2，签名算法 %3）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>chain certificate %1: %2</source>
        <translation>证书链第 %1 张：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>private key: %1 %2, %3%4</source>
        <translation>私钥：%1 %2，%3%4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not decrypted</source>
        <translation>未解密</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CA: %1</source>
        <translation>CA：%1</translation>
    </message>
</context>
<context>
    <name>Forgeline::Tls::PreflightLoader</name>
    <message>
        <location filename="../../core/tls/preflightloader.cpp" line="+142"/>
        <source>EC %1</source>
        <translation>EC %1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>explicit parameters</source>
        <translation>显式参数</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The %1 file %2 does not exist.</source>
        <translation>%1文件 %2 不存在。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The %1 path %2 is not a file.</source>
        <translation>%1路径 %2 不是文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The %1 file %2 is %3 bytes: too large to be a certificate or key.</source>
        <translation>%1文件 %2 有 %3 字节：太大，不可能是证书或私钥。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot read the %1 file %2.</source>
        <translation>无法读取%1文件 %2。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The %1 file %2 is empty.</source>
        <translation>%1文件 %2 为空。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the %1 again; the file has no content.</source>
        <translation>请重新导出%1；该文件没有内容。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The %1 is empty.</source>
        <translation>%1为空。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The %1 holds a private key (%2), not a certificate.</source>
        <translation>%1中是私钥（%2），不是证书。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The %1 contains no readable certificate.</source>
        <translation>%1中没有可读取的证书。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The %1 is neither a PEM nor a DER certificate.</source>
        <translation>%1既不是 PEM 也不是 DER 格式的证书。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The %1 has unreadable data after certificate %2.</source>
        <translation>%1在第 %2 张证书之后有无法读取的数据。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The private key is empty.</source>
        <translation>私钥为空。</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+28"/>
        <source>encrypted PKCS#8</source>
        <translation>加密的 PKCS#8</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>The private key is in OpenSSH format, which neither mbedTLS nor this check reads.</source>
        <translation>私钥为 OpenSSH 格式，mbedTLS 和本检查都无法读取。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Convert it: ssh-keygen -p -m PEM -f KEYFILE, or export the key as PKCS#8 PEM.</source>
        <translation>请转换格式：ssh-keygen -p -m PEM -f KEYFILE，或将私钥导出为 PKCS#8 PEM。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The key file holds a certificate, not a private key.</source>
        <translation>私钥文件中是证书，不是私钥。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key file contains no private key (found &quot;%1&quot;).</source>
        <translation>私钥文件中没有私钥（找到的是“%1”）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no PEM block</source>
        <translation>没有 PEM 块</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>encrypted PEM (Proc-Type)</source>
        <translation>加密的 PEM（Proc-Type）</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>unknown (encrypted)</source>
        <translation>未知（已加密）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The password does not decrypt the private key.</source>
        <translation>该密码无法解密私钥。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the password file (only its first line is used).</source>
        <translation>请检查密码文件（只使用第一行）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The key file is neither a PEM nor a DER private key.</source>
        <translation>私钥文件既不是 PEM 也不是 DER 格式的私钥。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The %1 private key cannot be read; the file is damaged.</source>
        <translation>无法读取 %1 私钥；文件已损坏。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The PKCS#12 file is empty.</source>
        <translation>PKCS#12 文件为空。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file is not a PKCS#12 (.p12/.pfx) archive.</source>
        <translation>该文件不是 PKCS#12（.p12/.pfx）文件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the certificate and key again as PKCS#12, or give them as PEM with --cert and --key.</source>
        <translation>请将证书和私钥重新导出为 PKCS#12，或用 --cert 和 --key 以 PEM 格式给出。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The PKCS#12 archive is protected by a password; none was given.</source>
        <translation>PKCS#12 文件受密码保护，但没有给出密码。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrong password for the PKCS#12 archive.</source>
        <translation>PKCS#12 文件的密码错误。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the right password with --password-file (first line of the file).</source>
        <translation>请用 --password-file 给出正确的密码（文件第一行）。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The PKCS#12 archive cannot be opened.</source>
        <translation>无法打开 PKCS#12 文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Archives using RC2/3DES need OpenSSL&apos;s legacy provider; export again with AES (openssl pkcs12 -export).</source>
        <translation>使用 RC2/3DES 的文件需要 OpenSSL 的 legacy provider；请用 AES 重新导出（openssl pkcs12 -export）。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The PKCS#12 archive lacks %1.</source>
        <translation>PKCS#12 文件中缺少%1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a private key</source>
        <translation>私钥</translation>
    </message>
</context>
<context>
    <name>Forgeline::Tls::PreflightReport</name>
    <message>
        <location filename="../../core/tls/preflightreport.cpp" line="+75"/>
        <source>Preflight against %1, device clock %2
</source>
        <translation>针对 %1 的预检，设备时钟 %2
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>  overrides: %1
</source>
        <translation>  覆盖项：%1
</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>       device error: %1 %2%3
</source>
        <translation>       设备错误：%1 %2%3
</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>       diagnosis: %1
</source>
        <translation>       诊断：%1
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>       fix: %1
</source>
        <translation>       修复：%1
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>
Result: %1
</source>
        <translation>
结果：%1
</translation>
    </message>
</context>
<context>
    <name>Forgeline::Tls::ReadingBuilder</name>
    <message>
        <location filename="../../core/tls/readingbuilder.cpp" line="+39"/>
        <source>Enable CONFIG_MBEDTLS_DEBUG=y with CONFIG_MBEDTLS_DEBUG_LEVEL_DEBUG (level 3) and read the lines just before the error to see which %1 call failed and which %2 call under it caused that.</source>
        <translation>请启用 CONFIG_MBEDTLS_DEBUG=y 和 CONFIG_MBEDTLS_DEBUG_LEVEL_DEBUG（级别 3），查看错误之前的几行，确认是哪个 %1 调用失败、又是其下哪个 %2 调用导致的。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enable CONFIG_MBEDTLS_DEBUG=y with CONFIG_MBEDTLS_DEBUG_LEVEL_DEBUG (level 3) and read the line just before the error to see which %1 call failed.</source>
        <translation>请启用 CONFIG_MBEDTLS_DEBUG=y 和 CONFIG_MBEDTLS_DEBUG_LEVEL_DEBUG（级别 3），查看错误之前的一行，确认是哪个 %1 调用失败。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Not defined with this meaning in mbedTLS %1 (the version you pinned).</source>
        <translation>在 mbedTLS %1（您固定的版本）中没有此含义的定义。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>In mbedTLS %1 the same value is %2 (%3).</source>
        <translation>在 mbedTLS %1 中，同一数值是 %2（%3）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is not defined in mbedTLS %2.</source>
        <translation>mbedTLS %2 中没有定义 %1。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In mbedTLS 4.0 %1 is an alias of %2 (%3).</source>
        <translation>在 mbedTLS 4.0 中，%1 是 %2（%3）的别名。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Raised by the %1 module: %2.</source>
        <translation>由 %1 模块产生：%2。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source> Caused by: </source>
        <translation> 起因：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A composite code: the high-level %1 (%2) plus the low-level %3 (%4) that caused it (MBEDTLS_ERROR_ADD). mbedTLS 4.0 no longer adds codes together.</source>
        <translation>组合错误码：高层错误 %1（%2）加上导致它的低层错误 %3（%4）（MBEDTLS_ERROR_ADD）。mbedTLS 4.0 不再将错误码相加。</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>PSA status %1 = %2.</source>
        <translation>PSA 状态 %1 = %2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> In mbedTLS 4.0 these legacy names have this value: %1.</source>
        <translation> 在 mbedTLS 4.0 中，以下旧名称取此值：%1。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>ESP-IDF v%1+</source>
        <translation>ESP-IDF v%1+</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ESP-IDF v%1</source>
        <translation>ESP-IDF v%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ESP-IDF v%1–v%2</source>
        <translation>ESP-IDF v%1–v%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 in ESP-IDF v%2%3</source>
        <translation>ESP-IDF v%2%3 中的 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>esp-tls codes were renumbered in ESP-IDF v4.4.</source>
        <translation>esp-tls 错误码在 ESP-IDF v4.4 中重新编号。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> The same number is %1.</source>
        <translation> 同一数值是 %1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> Not this meaning in ESP-IDF v%1.</source>
        <translation> 在 ESP-IDF v%1 中不是此含义。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Print the underlying mbedTLS code with esp_tls_get_and_clear_last_error() (&quot;Last tls stack error number&quot;) and decode that.</source>
        <translation>请用 esp_tls_get_and_clear_last_error() 打印底层 mbedTLS 错误码（“Last tls stack error number”），再解码该错误码。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>WICED Studio 4.x</source>
        <translation>WICED Studio 4.x</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also reported as WICED_%1 in wiced_result_t.</source>
        <translation>在 wiced_result_t 中也报告为 WICED_%1。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enable BESL/TLS debug output in the WICED application and compare with a working peer; WICED 6.x replaced this TLS engine with mbedTLS.</source>
        <translation>请在 WICED 应用中启用 BESL/TLS 调试输出，并与正常工作的对端比较；WICED 6.x 已用 mbedTLS 取代此 TLS 引擎。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WICED Studio 4.1 SDK: WICED/security/BESL/include/besl_structures.h (TLS_RESULT_LIST)</source>
        <translation>WICED Studio 4.1 SDK：WICED/security/BESL/include/besl_structures.h（TLS_RESULT_LIST）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>XySSL / TropicSSL / early PolarSSL (WICED 4.x BESL)</source>
        <translation>XySSL / TropicSSL / 早期 PolarSSL（WICED 4.x BESL）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inference: this value is not an mbedTLS code (it has no high-level module); it matches the older XySSL/TropicSSL numbering that the WICED 4.x BESL TLS engine inherits.</source>
        <translation>推断：此值不是 mbedTLS 错误码（没有高层模块）；它符合 WICED 4.x BESL TLS 引擎沿用的旧版 XySSL/TropicSSL 编号。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>(verify result unavailable)</source>
        <translation>（无法获得验证结果）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mbedtls_ssl_get_verify_result() returns 0xFFFFFFFF when there is no session or no verification result.</source>
        <translation>没有会话或没有验证结果时，mbedtls_ssl_get_verify_result() 返回 0xFFFFFFFF。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Unknown bits %1 (&quot;Unknown reason&quot;).</source>
        <translation>未知位 %1（“Unknown reason”）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no flags)</source>
        <translation>（无标志）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No verification problem.</source>
        <translation>没有验证问题。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>X.509 verify-result flags (mbedtls_x509_crt_verify / mbedtls_ssl_get_verify_result), identical from 2.16 to 4.0. With authmode REQUIRED any set flag makes the handshake fail with -0x2700.</source>
        <translation>X.509 验证结果标志（mbedtls_x509_crt_verify / mbedtls_ssl_get_verify_result），从 2.16 到 4.0 完全相同。authmode 为 REQUIRED 时，任何一个标志置位都会使握手失败，错误 -0x2700。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Zero means success in mbedTLS, PSA and ESP-IDF; it is not an error.</source>
        <translation>在 mbedTLS、PSA 和 ESP-IDF 中，零表示成功；它不是错误。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Tls::RecordDissector</name>
    <message>
        <location filename="../../core/tls/records/recorddissector.cpp" line="+88"/>
        <source>%1 data at byte %2 is not TLS (starts with &quot;%3&quot;); the rest of that direction is skipped.</source>
        <translation>%1 方向第 %2 字节处的数据不是 TLS（开头为“%3”）；该方向的其余数据已跳过。</translation>
    </message>
    <message numerus="yes">
        <location line="+63"/>
        <source>%1: skipped %n bytes to find the next record boundary.</source>
        <translation>
            <numerusform>%1：跳过了 %n 字节以找到下一个记录边界。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Only the first %1 records of this stream are listed.</source>
        <translation>此流仅列出前 %1 条记录。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>ClientHello (SSLv2 format)</source>
        <translation>ClientHello（SSLv2 格式）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cipher specs</source>
        <translation>密码规格</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n entries</source>
        <translation>
            <numerusform>%n 项</numerusform>
        </translation>
    </message>
    <message>
        <location line="+53"/>
        <source>A handshake message header is split over two records (record %1).</source>
        <translation>一条握手消息的消息头被拆分到两条记录中（记录 %1）。</translation>
    </message>
    <message>
        <location line="+47"/>
        <location line="+7"/>
        <source>body</source>
        <translation>消息体</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>not decoded: bytes of its record are missing from the input</source>
        <translation>未解码：输入中缺少其所在记录的字节</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>too large to decode (%1 bytes)</source>
        <translation>太大，无法解码（%1 字节）</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>%1 is incomplete: data is missing from the capture.</source>
        <translation>%1 不完整：抓包数据中缺少部分数据。</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%1: the input ends inside a record (%n bytes of it present).</source>
        <translation>
            <numerusform>%1：输入在一条记录中间结束（该记录只有 %n 字节）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%1: %n bytes without a recognisable record boundary.</source>
        <translation>
            <numerusform>%1：%n 字节中找不到可识别的记录边界。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%1 (%2) is incomplete: %n bytes of it never arrived.</source>
        <translation>
            <numerusform>%1（%2）不完整：其中 %n 字节始终未到达。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Forgeline::Tls::Rules</name>
    <message>
        <location filename="../../core/tls/records/recordfindings.cpp" line="+25"/>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>frame %1</source>
        <translation>第 %1 帧</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 → %2: one record of %3 bytes holds %4</source>
        <translation>%1 → %2：一条 %3 字节的记录包含 %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+39"/>
        <location line="+25"/>
        <source>%1 at %2</source>
        <translation>%1，位于%2</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>%1 → %2: %3 (%4 bytes) is split over %5 records</source>
        <translation>%1 → %2：%3（%4 字节）被拆分到 %5 条记录中</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 → %2: %3 (%4 bytes) starts in a record of %5 bytes and continues in the next</source>
        <translation>%1 → %2：%3（%4 字节）始于一条 %5 字节的记录，并延续到下一条记录</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 → %2: a %3 record of %4 bytes (about %5 bytes of content) exceeds an input buffer of %6</source>
        <translation>%1 → %2：一条 %4 字节的 %3 记录（内容约 %5 字节）超过了 %6 字节的输入缓冲区</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the TLS maximum of 16384 bytes</source>
        <translation>TLS 上限 16384 字节</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>the ClientHello asks for max_fragment_length %1</source>
        <translation>ClientHello 请求 max_fragment_length %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the ServerHello does not echo the extension</source>
        <translation>ServerHello 没有回显该扩展</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the server sends a %1 record of %2 bytes</source>
        <translation>服务器发送了一条 %2 字节的 %1 记录</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>the client sent an empty Certificate and the server answered with the fatal alert %1 (%2)</source>
        <translation>客户端发送了空的 Certificate，服务器以致命告警 %1（%2）回应</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>client → server: Certificate with no certificate in it</source>
        <translation>客户端 → 服务器：不含任何证书的 Certificate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>server → client: fatal alert %1 (%2)</source>
        <translation>服务器 → 客户端：致命告警 %1（%2）</translation>
    </message>
</context>
<context>
    <name>Forgeline::Tls::TargetProfile</name>
    <message>
        <location filename="../../core/tls/targetprofile.cpp" line="+41"/>
        <source>%1 takes y or n, not &quot;%2&quot;.</source>
        <translation>%1 只能取 y 或 n，而不是“%2”。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 must be a number of bytes from 512 to 16384, not &quot;%2&quot;.</source>
        <translation>%1 必须是 512 到 16384 之间的字节数，而不是“%2”。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Unknown target &quot;%1&quot;.</source>
        <translation>未知目标“%1”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no resource %1</source>
        <translation>没有资源 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use one of: %1</source>
        <translation>请使用以下之一：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+10"/>
        <source>The target profile %1 is damaged.</source>
        <translation>目标配置 %1 已损坏。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown mbedTLS version %1</source>
        <translation>未知的 mbedTLS 版本 %1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>An override is name=value, e.g. out_content_len=8192; got &quot;%1&quot;.</source>
        <translation>覆盖项格式为 name=value，例如 out_content_len=8192；收到的是“%1”。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>rsa_hw_limit_bits must be from 1024 to 16384.</source>
        <translation>rsa_hw_limit_bits 必须在 1024 到 16384 之间。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Unknown override &quot;%1&quot;.</source>
        <translation>未知的覆盖项“%1”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Known: %1</source>
        <translation>已知的有：%1</translation>
    </message>
</context>
<context>
    <name>Forgeline::Tls::TextDumpReader</name>
    <message>
        <location filename="../../core/tls/records/textdumpreader.cpp" line="+265"/>
        <source>line %1 is neither a hex row nor a header: &quot;%2&quot;</source>
        <translation>第 %1 行既不是十六进制数据行，也不是标题行：“%2”</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>line %1: dump row at offset %2 where %3 was expected</source>
        <translation>第 %1 行：转储行的偏移为 %2，而预期为 %3</translation>
    </message>
    <message>
        <location line="+35"/>
        <location line="+1"/>
        <source>device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location line="-1"/>
        <location line="+1"/>
        <source>peer</source>
        <translation>对端</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>line %1: the dump ends after %2 of %3 bytes</source>
        <translation>第 %1 行：转储只有 %2 字节即结束（应为 %3 字节）</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>client</source>
        <translation>客户端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message numerus="yes">
        <location line="+117"/>
        <source>%n line(s) of openssl output other than -msg entries were skipped.</source>
        <translation>
            <numerusform>已跳过 %n 行 -msg 条目以外的 openssl 输出。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n more lines were not understood.</source>
        <translation>
            <numerusform>另有 %n 行无法解析。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>mbedTLS debug dumps</source>
        <translation>mbedTLS 调试转储</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only the last %1 connections are shown; %2 earlier ones were not kept.</source>
        <translation>仅显示最后 %1 个连接；之前的 %2 个未保留。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>hex packet</source>
        <translation>十六进制数据包</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>hex dump</source>
        <translation>十六进制转储</translation>
    </message>
</context>
<context>
    <name>Forgeline::Tls::TraceBuilder</name>
    <message>
        <location filename="../../core/tls/tracebuilder.cpp" line="+429"/>
        <source>No TLS handshake, mbedTLS error or provisioning session found in %1 lines.</source>
        <translation>在 %1 行中没有找到 TLS 握手、mbedTLS 错误或配网会话。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+27"/>
        <source>Enable CONFIG_MBEDTLS_DEBUG (level 4) and capture the log again.</source>
        <translation>请启用 CONFIG_MBEDTLS_DEBUG（级别 4）并重新抓取日志。</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>No TLS handshake, mbedTLS error or provisioning session found in %1 (%2 lines).</source>
        <translation>在 %1（%2 行）中没有找到 TLS 握手、mbedTLS 错误或配网会话。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Tls::TraceDiff</name>
    <message>
        <location filename="../../core/tls/tracediff.cpp" line="+67"/>
        <source>In handshake state %1</source>
        <translation>在握手状态 %1 时</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>After writing the %1</source>
        <translation>写出 %1 之后</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At the start of the handshake</source>
        <translation>在握手开始时</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1, the working log shows %2 (line %3) but the failing log shows %4 (line %5).</source>
        <translation>%1，成功日志显示%2（第 %3 行），而失败日志显示%4（第 %5 行）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1, the failing log shows %2 (line %3), which the working log never does.</source>
        <translation>%1，失败日志显示%2（第 %3 行），成功日志中从未出现。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, the failing log never shows %2, which the working log does at line %3.</source>
        <translation>%1，失败日志中始终没有%2，而成功日志在第 %3 行有。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Ui::AboutDialog</name>
    <message>
        <location filename="../../ui/shell/aboutdialog.cpp" line="+30"/>
        <source>Forgeline</source>
        <translation>Forgeline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OpenSSL</source>
        <translation>OpenSSL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>protobuf</source>
        <translation>protobuf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>zlib</source>
        <translation>zlib</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>About Forgeline</source>
        <translation>关于 Forgeline</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Flash certificates and keys into ESP32 boards, provision their Wi-Fi, and explain their TLS errors.</source>
        <translation>将证书和私钥烧录到 ESP32 板子，为其配置 Wi-Fi，并解释其 TLS 错误。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Free software under the GNU General Public License, version 3 or later.</source>
        <translation>自由软件，依据 GNU 通用公共许可证第 3 版或更高版本发布。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Copy versions</source>
        <translation>复制版本信息</translation>
    </message>
</context>
<context>
    <name>Forgeline::Ui::ActivityPane</name>
    <message>
        <location filename="../../ui/activity/activitypane.cpp" line="+25"/>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Info and above</source>
        <translation>信息及以上</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warnings and errors</source>
        <translation>警告和错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Errors only</source>
        <translation>仅错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only messages at or above this level</source>
        <translation>只显示此级别及以上的消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the selected lines, or every shown line when none is selected</source>
        <translation>复制选中的行；未选中时复制所有显示的行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Show:</source>
        <translation>显示(&amp;S)：</translation>
    </message>
    <message numerus="yes">
        <location line="+60"/>
        <source>Copied %n activity line(s)</source>
        <translation>
            <numerusform>已复制 %n 行活动记录</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Activity cleared</source>
        <translation>活动记录已清空</translation>
    </message>
</context>
<context>
    <name>Forgeline::Ui::DecodeWorkspace</name>
    <message>
        <location filename="../../ui/decode/decodeworkspace.cpp" line="+38"/>
        <source>Copy as text</source>
        <translation>复制为文本</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Paste error codes, e.g. -0x7500  -29312  0x801A  MBEDTLS_ERR_SSL_CONN_EOF</source>
        <translation>粘贴错误码，例如 -0x7500  -29312  0x801A  MBEDTLS_ERR_SSL_CONN_EOF</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>All versions</source>
        <translation>所有版本</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pin the mbedTLS release the device runs; error meanings changed between 2.x and 3.x</source>
        <translation>固定设备所运行的 mbedTLS 版本；错误含义在 2.x 和 3.x 之间有变化</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. 4.4 or 5.2</source>
        <translation>例如 4.4 或 5.2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The ESP-IDF release selects its mbedTLS and the esp-tls numbering (renumbered in 4.4)</source>
        <translation>ESP-IDF 版本决定其 mbedTLS 版本和 esp-tls 编号方式（4.4 起重新编号）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;mbedTLS:</source>
        <translation>&amp;mbedTLS：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ESP-&amp;IDF:</source>
        <translation>ESP-&amp;IDF：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Decoded codes</source>
        <translation>已解码的错误码</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Codes (decoded as you type; Enter decodes at once):</source>
        <translation>错误码(&amp;C)（边输入边解码；按 Enter 立即解码）：</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>ESP-IDF %1 is not a release Forgeline knows</source>
        <translation>Forgeline 不认识 ESP-IDF %1 这个版本</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ESP-IDF %1 ships mbedTLS %2, but %3 is pinned</source>
        <translation>ESP-IDF %1 自带 mbedTLS %2，但已固定为 %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ESP-IDF %1 ships mbedTLS %2</source>
        <translation>ESP-IDF %1 自带 mbedTLS %2</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Enter a code to see what it means, or try: %1</source>
        <translation>输入错误码查看其含义，或试试：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Showing the first %1 of %2 codes; %3 known.</source>
        <translation>显示 %2 个错误码中的前 %1 个；%3 个已知。</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n code(s) decoded, %1 known.</source>
        <translation>
            <numerusform>已解码 %n 个错误码，%1 个已知。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 → not a known code</source>
        <translation>%1 → 不是已知的错误码</translation>
    </message>
    <message numerus="yes">
        <location line="+36"/>
        <source>Copied %n decoded code(s) as text</source>
        <translation>
            <numerusform>已将 %n 个解码结果复制为文本</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Forgeline::Ui::DiagnoseWorkspace</name>
    <message>
        <location filename="../../ui/diagnose/diagnoseworkspaceui.cpp" line="+28"/>
        <source>Open failing log…</source>
        <translation>打开失败日志…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add working log…</source>
        <translation>添加成功日志…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export report…</source>
        <translation>导出报告…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export redacted logs…</source>
        <translation>导出脱敏日志…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show records</source>
        <translation>显示记录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the TLS records dumped in the failing log in the Records workspace (which record carried which message, coalesced or fragmented).</source>
        <translation>在“TLS 记录”工作区中打开失败日志里转储的 TLS 记录（查看哪条记录承载了哪条消息，是合并还是分片）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Handshake ladder</source>
        <translation>握手时序图</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Working log</source>
        <translation>成功日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failing log</source>
        <translation>失败日志</translation>
    </message>
    <message>
        <location filename="../../ui/diagnose/diagnoseworkspace.cpp" line="+88"/>
        <source>Indexing…</source>
        <translation>索引中…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Diagnosing…</source>
        <translation>诊断中…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 (failing) vs %2 (working)</source>
        <translation>%1（失败）对比 %2（成功）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diagnosing %1</source>
        <translation>正在诊断 %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled. Open a log to start again.</source>
        <translation>已取消。请打开日志重新开始。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No known pattern</source>
        <translation>无已知模式</translation>
    </message>
    <message>
        <location filename="../../ui/diagnose/diagnosefiles.cpp" line="+23"/>
        <source>Open the log of the failing handshake</source>
        <translation>打开失败握手的日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+9"/>
        <source>Logs (*.log *.txt *.gz);;All files (*)</source>
        <translation>日志 (*.log *.txt *.gz);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Open the log of a working handshake</source>
        <translation>打开成功握手的日志</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Export the diagnosis as HTML</source>
        <translation>将诊断结果导出为 HTML</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Report saved</source>
        <translation>报告已保存</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Folder for the redacted copies</source>
        <translation>脱敏副本的保存文件夹</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Writing redacted copies…</source>
        <translation>正在写入脱敏副本…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Redacted copies written</source>
        <translation>脱敏副本已写入</translation>
    </message>
</context>
<context>
    <name>Forgeline::Ui::FindingsPanel</name>
    <message>
        <location filename="../../ui/diagnose/findingspanel.cpp" line="+24"/>
        <source>Findings</source>
        <translation>结论</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open a failing mbedTLS debug log (and optionally a working one), or drop it here.</source>
        <translation>打开失败的 mbedTLS 调试日志（可再加一份成功日志），或将其拖放到这里。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Handshake failed with %1 %2</source>
        <translation>握手失败，错误 %1 %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>This handshake succeeded.</source>
        <translation>此次握手成功。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>First divergence:</source>
        <translation>首个分歧点：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Both handshakes take the same steps.</source>
        <translation>两次握手的步骤相同。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Error codes in this handshake:</source>
        <translation>此次握手中的错误码：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;nbsp;&amp;nbsp;&lt;code&gt;%1&lt;/code&gt; %2 (line %3)&lt;br&gt;</source>
        <translation>&amp;nbsp;&amp;nbsp;&lt;code&gt;%1&lt;/code&gt; %2（第 %3 行）&lt;br&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No known failure pattern matched this log.</source>
        <translation>此日志没有匹配到已知的失败模式。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>confidence %p%</source>
        <translation>置信度 %p%</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Evidence</source>
        <translation>证据</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Fixes</source>
        <translation>修复建议</translation>
    </message>
</context>
<context>
    <name>Forgeline::Ui::FlashWorkspace</name>
    <message>
        <location filename="../../ui/flash/flashpreflightfields.cpp" line="+38"/>
        <source>Preflight: will the device accept this certificate and key?</source>
        <translation>预检：设备会接受这张证书和私钥吗？</translation>
    </message>
    <message>
        <location line="+11"/>
        <location filename="../../ui/flash/flashstorefields.cpp" line="+26"/>
        <location filename="../../ui/flash/flashworkspaceui.cpp" line="+93"/>
        <location line="+34"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Certificates and keys (*.pem *.crt *.cer *.key *.der);;All files (*)</source>
        <translation>证书和私钥 (*.pem *.crt *.cer *.key *.der);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+18"/>
        <location filename="../../ui/flash/flashstores.cpp" line="+63"/>
        <source>Certificate:</source>
        <translation>证书：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device certificate (PEM may include the chain)</source>
        <translation>设备证书（PEM 中可包含证书链）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Key:</source>
        <translation>私钥：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device private key</source>
        <translation>设备私钥</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chain:</source>
        <translation>证书链：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intermediates, if not in the certificate file (optional)</source>
        <translation>中间证书（若不在证书文件中；可选）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CA:</source>
        <translation>CA：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CA(s) the server trusts, &apos;;&apos;-separated (optional)</source>
        <translation>服务器信任的 CA，以“;”分隔（可选）</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>the files could not be checked: %1</source>
        <translation>无法检查这些文件：%1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Checking the certificate and key before writing…</source>
        <translation>写入前正在检查证书和私钥…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Overriding the preflight: the device is predicted to fail (%1).</source>
        <translation>覆盖预检结果：预测设备会失败（%1）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Writing is refused: the preflight predicts the device will fail (%1). Fix the files or the target settings, or tick &quot;Write anyway&quot;.</source>
        <translation>拒绝写入：预检预测设备会失败（%1）。请修正文件或目标设置，或勾选“仍然写入”。</translation>
    </message>
    <message>
        <location filename="../../ui/flash/flashworkspace.cpp" line="+74"/>
        <source>Virtual board (%1)</source>
        <translation>虚拟板（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Virtual board</source>
        <translation>虚拟板</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Virtual board on %1</source>
        <translation>%1 上的虚拟板</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Choose a port first.</source>
        <translation>请先选择端口。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose a readable certificate or key file.</source>
        <translation>请选择可读取的证书或私钥文件。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Cannot read the flash encryption key: %1</source>
        <translation>无法读取闪存加密密钥：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Preflight override: writing %1 to partition %2 although the preflight predicts a device failure (%3).</source>
        <translation>覆盖预检：尽管预检预测设备会失败（%3），仍将 %1 写入分区 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/flash/flashprogressrow.cpp" line="+42"/>
        <source>%1 KiB/s, %2 s left</source>
        <translation>%1 KiB/s，剩余 %2 秒</translation>
    </message>
    <message>
        <location filename="../../ui/flash/flashboardbox.cpp" line="+35"/>
        <source>%1, chip id %2</source>
        <translation>%1，芯片 ID %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 MiB, JEDEC 0x%2%3</source>
        <translation>%1 MiB，JEDEC 0x%2%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (size assumed)</source>
        <translation>（容量为推测值）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>flash encryption %1</source>
        <translation>闪存加密：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; flags 0x%1</source>
        <translation>；标志 0x%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/flash/flashworkspace.cpp" line="+78"/>
        <source>Connected to %1, MAC %2; %n partition(s).</source>
        <translation>
            <numerusform>已连接到 %1，MAC %2；%n 个分区。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 written and verified (MD5 %2) in %3 s; board reset. Backup: %4</source>
        <translation>%1 已写入并校验通过（MD5 %2），用时 %3 秒；板子已复位。备份：%4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none (turned off)</source>
        <translation>无（已关闭）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 holds this file (MD5 %2).</source>
        <translation>%1 中的内容与此文件一致（MD5 %2）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 does not hold this file.</source>
        <translation>%1 中的内容与此文件不一致。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Backup restored to %1 and verified (MD5 %2).</source>
        <translation>备份已恢复到 %1 并校验通过（MD5 %2）。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Choose a file to see its size against the partition.</source>
        <translation>选择文件后可查看其大小与分区大小的对比。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ESP image</source>
        <translation>ESP 镜像</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 bytes as %2; connect to see the partition size.</source>
        <translation>%1 字节，格式 %2；连接后可查看分区大小。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 bytes as %2 into &quot;%3&quot; (%4 bytes): %5</source>
        <translation>%1 字节，以 %2 格式写入“%3”（%4 字节）：%5</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>fits, %1 bytes left</source>
        <translation>放得下，剩余 %1 字节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>too large</source>
        <translation>太大</translation>
    </message>
    <message>
        <location filename="../../ui/flash/flashworkspacestate.cpp" line="+24"/>
        <source>%1  %2  %3 (%4 bytes at 0x%5)</source>
        <translation>%1  %2  %3（%4 字节，位于 0x%5）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>region</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../ui/flash/flashworkspaceui.cpp" line="-89"/>
        <source>A serial port, socket://HOST:PORT for a networked port, or the virtual board.</source>
        <translation>串口、网络端口的 socket://HOST:PORT，或虚拟板。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Baud:</source>
        <translation>波特率：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Monitor</source>
        <translation>监视</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Watch this board&apos;s serial log; a failing TLS handshake is diagnosed as it happens.</source>
        <translation>监视此板子的串口日志；TLS 握手失败时即时诊断。</translation>
    </message>
    <message>
        <location filename="../../ui/flash/flashboardbox.cpp" line="-37"/>
        <source>Board</source>
        <translation>板子</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+2"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chip:</source>
        <translation>芯片：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MAC:</source>
        <translation>MAC：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flash:</source>
        <translation>闪存：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security:</source>
        <translation>安全：</translation>
    </message>
    <message>
        <location filename="../../ui/flash/flashworkspaceui.cpp" line="+15"/>
        <source>Partition table</source>
        <translation>分区表</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+17"/>
        <source>Write</source>
        <translation>写入</translation>
    </message>
    <message>
        <location filename="../../ui/flash/flashstorefields.cpp" line="+18"/>
        <source>Choose a readable %1.</source>
        <translation>请选择一个可读的%1。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Raw partition (the file as it is)</source>
        <translation>原始分区（文件原样写入）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>NVS partition (from a CSV template)</source>
        <translation>NVS 分区（由 CSV 模板生成）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>esp_secure_cert partition</source>
        <translation>esp_secure_cert 分区</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where the firmware looks for its certificate: a raw partition, an NVS key-value partition, or the esp_secure_cert partition read by esp_secure_cert_mgr.</source>
        <translation>固件在哪里查找其证书：原始分区、NVS 键值分区，或由 esp_secure_cert_mgr 读取的 esp_secure_cert 分区。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Layout:</source>
        <translation>布局：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Certificates and keys (*.pem *.crt *.key *.der);;All files (*)</source>
        <translation>证书和密钥 (*.pem *.crt *.key *.der);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The device&apos;s private key (PEM or DER)</source>
        <translation>设备的私钥（PEM 或 DER）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Optional: CA certificate stored beside it</source>
        <translation>可选：一并存储的 CA 证书</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>nvs_partition_gen CSV; {certificate}, {key}, {mac} are filled in</source>
        <translation>nvs_partition_gen CSV；{certificate}、{key}、{mac} 会被自动填入</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Optional: nvs_keys file to encrypt with (already on the board)</source>
        <translation>可选：用于加密的 nvs_keys 文件（已在板子上）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Private key</source>
        <translation>私钥</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CA certificate</source>
        <translation>CA 证书</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>NVS CSV template</source>
        <translation>NVS CSV 模板</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv);;All files (*)</source>
        <translation>CSV (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>NVS keys file</source>
        <translation>NVS 密钥文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../ui/flash/flashworkspaceui.cpp" line="+31"/>
        <source>Keys (*.bin);;All files (*)</source>
        <translation>密钥 (*.bin);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Private key:</source>
        <translation>私钥：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CA certificate:</source>
        <translation>CA 证书：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV template:</source>
        <translation>CSV 模板：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NVS keys:</source>
        <translation>NVS 密钥：</translation>
    </message>
    <message>
        <location filename="../../ui/flash/flashstores.cpp" line="-8"/>
        <location filename="../../ui/flash/flashworkspaceui.cpp" line="-43"/>
        <source>Certificate or key file (PEM or DER)</source>
        <translation>证书或私钥文件（PEM 或 DER）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The device certificate (PEM or DER)</source>
        <translation>设备证书（PEM 或 DER）</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Connect and choose the partition the store goes to.</source>
        <translation>请连接并选择存储要写入的分区。</translation>
    </message>
    <message>
        <location filename="../../ui/flash/flashstorefields.cpp" line="+50"/>
        <source>certificate file</source>
        <translation>证书文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>private key file</source>
        <translation>私钥文件</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>CSV template</source>
        <translation>CSV 模板</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>CA certificate file</source>
        <translation>CA 证书文件</translation>
    </message>
    <message>
        <location filename="../../ui/flash/flashstores.cpp" line="+7"/>
        <source>Connect and choose a partition to inspect.</source>
        <translation>请连接并选择要检查的分区。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Partition %1 on %2</source>
        <translation>%2 上的分区 %1</translation>
    </message>
    <message>
        <location filename="../../ui/flash/flashworkspaceui.cpp" line="+5"/>
        <source>PEM + NUL (firmware uses strlen+1)</source>
        <translation>PEM + NUL（固件使用 strlen+1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PEM as is</source>
        <translation>PEM 原样</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>DER</source>
        <translation>DER</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Raw file bytes</source>
        <translation>文件原始字节</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Verify</source>
        <translation>校验</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Inspect</source>
        <translation>检查</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the chosen partition and show what it holds (NVS, esp_secure_cert: which certificate).</source>
        <translation>读取所选分区并显示其内容（NVS、esp_secure_cert：是哪张证书）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Partition:</source>
        <translation>分区：</translation>
    </message>
    <message>
        <location filename="../../ui/flash/flashstores.cpp" line="-52"/>
        <location filename="../../ui/flash/flashworkspaceui.cpp" line="+1"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../ui/flash/flashworkspaceui.cpp" line="+1"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Optional: the board&apos;s flash encryption key, to check an encrypted app&apos;s address</source>
        <translation>可选：板子的闪存加密密钥，用于检查加密应用的写入地址</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Flash key:</source>
        <translation>闪存密钥：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Flash encryption key</source>
        <translation>闪存加密密钥</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Write anyway (override the failing preflight; recorded in the activity log)</source>
        <translation>仍然写入（覆盖未通过的预检；会记录在活动日志中）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Backups (taken before every write)</source>
        <translation>备份（每次写入前自动备份）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the selected backup back to where it came from (MD5-verified).</source>
        <translation>将选中的备份写回原处（MD5 校验）。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Certificate or key</source>
        <translation>证书或私钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificates and keys (*.pem *.crt *.key *.der *.bin);;All files (*)</source>
        <translation>证书和私钥 (*.pem *.crt *.key *.der *.bin);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/flash/flashbootswitch.cpp" line="+21"/>
        <source>Make it the boot partition (updates otadata; the old otadata is backed up)</source>
        <translation>设为启动分区（更新 otadata；原 otadata 会先备份）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The bootloader starts the app partition otadata selects. Without this, an app written into an OTA slot is not started until the firmware switches to it.</source>
        <translation>引导加载程序启动 otadata 所选的应用分区。不勾选此项时，写入 OTA 槽的应用要等固件切换到该槽后才会启动。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The bootloader now starts %1 (%2).</source>
        <translation>引导加载程序现在启动 %1（%2）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Previous otadata backed up: %1</source>
        <translation>原 otadata 已备份：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Boot partition unknown: %1.</source>
        <translation>启动分区未知：%1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>otadata still selects %1 (%2): the bootloader will not start %3.</source>
        <translation>otadata 仍选择 %1（%2）：引导加载程序不会启动 %3。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The bootloader starts %1 (%2).</source>
        <translation>引导加载程序启动 %1（%2）。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Ui::ImageSegmentModel</name>
    <message>
        <location filename="../../ui/image/imagesegmentmodel.cpp" line="+41"/>
        <source>%L1 (truncated)</source>
        <translation>%L1（已截断）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load address</source>
        <translation>加载地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory region</source>
        <translation>内存区域</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File offset</source>
        <translation>文件偏移</translation>
    </message>
</context>
<context>
    <name>Forgeline::Ui::ImageWorkspace</name>
    <message>
        <location filename="../../ui/image/imageinspectionview.cpp" line="+29"/>
        <source>App image</source>
        <translation>应用镜像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bootloader image</source>
        <translation>引导加载程序镜像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partition table</source>
        <translation>分区表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NVS data</source>
        <translation>NVS 数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>otadata (which OTA app boots)</source>
        <translation>otadata（决定启动哪个 OTA 应用）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre-encrypted OTA image</source>
        <translation>预加密 OTA 镜像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flash-encrypted or random data</source>
        <translation>经闪存加密的数据或随机数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Erased flash</source>
        <translation>已擦除的闪存</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown data</source>
        <translation>未知数据</translation>
    </message>
    <message>
        <location filename="../../ui/image/imageworkspaceui.cpp" line="+35"/>
        <source>Open file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drop a firmware file here, or open one.</source>
        <translation>将固件文件拖放到这里，或打开一个文件。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Header and descriptor</source>
        <translation>镜像头和描述符</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Segments</source>
        <translation>段</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checks</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Checks and notes</source>
        <translation>检查项和说明</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Convert (writes a new file; the original is kept)</source>
        <translation>转换（写入新文件；保留原文件）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Key file (flash encryption key, PEM or HMAC key)</source>
        <translation>密钥文件（闪存加密密钥、PEM 或 HMAC 密钥）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key…</source>
        <translation>密钥…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>ESP32 only: the FLASH_CRYPT_CONFIG eFuse</source>
        <translation>仅限 ESP32：FLASH_CRYPT_CONFIG eFuse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>RSA-3072 public key</source>
        <translation>RSA-3072 公钥</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device P-256 public key (ECIES)</source>
        <translation>设备 P-256 公钥（ECIES）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device HMAC key (ECIES)</source>
        <translation>设备 HMAC 密钥（ECIES）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RSA or device private key</source>
        <translation>RSA 或设备私钥</translation>
    </message>
    <message>
        <location filename="../../ui/image/imageinspectionview.cpp" line="+45"/>
        <location filename="../../ui/image/imageworkspaceui.cpp" line="+3"/>
        <source>Chip</source>
        <translation>芯片</translation>
    </message>
    <message>
        <location filename="../../ui/image/imageworkspaceui.cpp" line="+2"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FLASH_CRYPT_CONFIG</source>
        <translation>FLASH_CRYPT_CONFIG</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OTA key</source>
        <translation>OTA 密钥</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Flash-encrypt…</source>
        <translation>闪存加密…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Flash-decrypt…</source>
        <translation>闪存解密…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find offset</source>
        <translation>查找偏移</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pre-encrypt OTA…</source>
        <translation>预加密 OTA…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre-decrypt OTA…</source>
        <translation>解密预加密 OTA…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Open firmware file</source>
        <translation>打开固件文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Firmware (*.bin *.img);;All files (*)</source>
        <translation>固件 (*.bin *.img);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose key file</source>
        <translation>选择密钥文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys (*.bin *.pem *.key);;All files (*)</source>
        <translation>密钥 (*.bin *.pem *.key);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/image/imageworkspace.cpp" line="+56"/>
        <source>Reading…</source>
        <translation>读取中…</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Save result as</source>
        <translation>结果另存为</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&lt;span style=&apos;color:#d0332b&apos;&gt;The address is not a number.&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#d0332b&apos;&gt;地址不是数字。&lt;/span&gt;</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The file could not be read.</source>
        <translation>无法读取该文件。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The conversion stopped.</source>
        <translation>转换已中止。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> → %1: %2</source>
        <translation> → %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/image/imageinspectionview.cpp" line="-29"/>
        <source>&lt;b&gt;No file.&lt;/b&gt; Open or drop an app, bootloader, partition table, NVS image, pre-encrypted OTA image or a dump read from a board.</source>
        <translation>&lt;b&gt;没有文件。&lt;/b&gt;请打开或拖入应用、引导加载程序、分区表、NVS 镜像、预加密 OTA 镜像，或从板子读出的转储。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>INVALID</source>
        <translation>无效</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unknown (id %1)</source>
        <translation>未知（ID %1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Entry point</source>
        <translation>入口地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flash</source>
        <translation>闪存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chip revision</source>
        <translation>芯片版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 to %2</source>
        <translation>%1 到 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checksum</source>
        <translation>校验和</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not appended</source>
        <translation>未附加</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ESP-IDF</source>
        <translation>ESP-IDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Built</source>
        <translation>构建时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ELF SHA-256</source>
        <translation>ELF SHA-256</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bootloader</source>
        <translation>引导加载程序</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>version %1, ESP-IDF %2, built %3</source>
        <translation>版本 %1，ESP-IDF %2，构建于 %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Signature %1</source>
        <translation>签名 %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Scheme</source>
        <translation>加密方案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encrypted size</source>
        <translation>加密后大小</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Partitions</source>
        <translation>分区</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pages in use</source>
        <translation>已用页数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed: %1</source>
        <translation>未通过：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Every check passed.</source>
        <translation>所有检查均已通过。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Ui::LadderModel</name>
    <message>
        <location filename="../../ui/diagnose/laddermodel.cpp" line="+109"/>
        <source>(no such step)</source>
        <translation>（没有此步骤）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+2"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Working: client ⇄ server</source>
        <translation>成功：客户端 ⇄ 服务器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failing: client ⇄ server</source>
        <translation>失败：客户端 ⇄ 服务器</translation>
    </message>
</context>
<context>
    <name>Forgeline::Ui::LanguageMenu</name>
    <message>
        <location filename="../../ui/shell/languagemenu.cpp" line="+12"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>System default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Applies when Forgeline is restarted</source>
        <translation>重新启动 Forgeline 后生效</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Language saved: restart Forgeline to use %1.</source>
        <translation>语言已保存：重新启动 Forgeline 后将使用%1。</translation>
    </message>
</context>
<context>
    <name>Forgeline::Ui::LogFileModel</name>
    <message>
        <location filename="../../ui/diagnose/logfilemodel.cpp" line="+147"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log</source>
        <translation>日志</translation>
    </message>
</context>
<context>
    <name>Forgeline::Ui::MainWindow</name>
    <message>
        <location filename="../../ui/shell/mainwindow.cpp" line="+46"/>
        <source>Decode</source>
        <translation>解码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste one or more error codes from a device log to see what they mean.</source>
        <translation>粘贴设备日志中的一个或多个错误码，查看其含义。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diagnose</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Analyse a TLS handshake log and compare it with a working one.</source>
        <translation>分析 TLS 握手日志，并与成功的日志对比。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provision</source>
        <translation>配网</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send Wi-Fi credentials to a board over a secure session.</source>
        <translation>通过安全会话将 Wi-Fi 凭据发送给板子。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flash</source>
        <translation>烧录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write certificates and keys into a board&apos;s partitions.</source>
        <translation>将证书和私钥写入板子的分区。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Station</source>
        <translation>工位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flash, verify, provision and record many boards at once.</source>
        <translation>同时对多块板子烧录、校验、配网并记录。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Records</source>
        <translation>TLS 记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the TLS records in a capture, hex dump or device log, and what their framing means.</source>
        <translation>显示抓包文件、十六进制转储或设备日志中的 TLS 记录，并解释其分帧的含义。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>See what a firmware file is; flash encryption and pre-encrypted OTA images.</source>
        <translation>查看固件文件的类型；闪存加密和预加密 OTA 镜像。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Monitor</source>
        <translation>监视</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Watch a board&apos;s serial log; TLS failures are diagnosed as they happen.</source>
        <translation>监视板子的串口日志；TLS 故障发生时即时诊断。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Workspaces</source>
        <translation>工作区</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Activity Pane</source>
        <translation>活动窗格(&amp;A)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Forgeline</source>
        <translation>关于 Forgeline(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
</context>
<context>
    <name>Forgeline::Ui::MonitorWorkspace</name>
    <message>
        <location filename="../../ui/monitor/monitorworkspaceui.cpp" line="+43"/>
        <source>A serial port, a pseudo-terminal or socket://HOST:PORT.</source>
        <translation>串口、伪终端或 socket://HOST:PORT。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reset into firmware</source>
        <translation>复位进入固件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pulse RTS (or send the ROM&apos;s reboot command where there are no modem lines) after opening.</source>
        <translation>打开后拉动 RTS 复位（在没有调制解调器控制线时改为发送 ROM 的重启命令）。</translation>
    </message>
    <message>
        <location filename="../../ui/monitor/monitorworkspace.cpp" line="+235"/>
        <location filename="../../ui/monitor/monitorworkspaceui.cpp" line="+2"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/monitor/monitorworkspaceui.cpp" line="+4"/>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Baud:</source>
        <translation>波特率：</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Board log</source>
        <translation>板子日志</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Filter lines…</source>
        <translation>筛选行…</translation>
    </message>
    <message>
        <location filename="../../ui/monitor/monitorworkspace.cpp" line="-45"/>
        <location filename="../../ui/monitor/monitorworkspaceui.cpp" line="+3"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/monitor/monitorworkspaceui.cpp" line="+4"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the log; keys, passphrases and PoPs are already removed.</source>
        <translation>保存日志；私钥、密码和 PoP 已被去除。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Diagnose this</source>
        <translation>诊断此日志</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the last TLS connection (or the whole log) in Diagnose.</source>
        <translation>在“诊断”中打开最近一次 TLS 连接（或整个日志）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare with working…</source>
        <translation>与成功日志对比…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Send a line to the board…</source>
        <translation>向板子发送一行…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location filename="../../ui/monitor/monitorfindings.cpp" line="+14"/>
        <source>Server side: %1</source>
        <translation>服务器端：%1</translation>
    </message>
    <message>
        <location filename="../../ui/monitor/monitorworkspace.cpp" line="-81"/>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/monitor/monitorfindings.cpp" line="+8"/>
        <source>Codes seen: %1</source>
        <translation>已出现的错误码：%1</translation>
    </message>
    <message>
        <location filename="../../ui/monitor/monitorworkspace.cpp" line="+43"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <location filename="../../ui/monitor/monitorfindings.cpp" line="+13"/>
        <source>&lt;b&gt;TLS handshake succeeded&lt;/b&gt; (lines %1–%2).</source>
        <translation>&lt;b&gt;TLS 握手成功&lt;/b&gt;（第 %1–%2 行）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;TLS handshake failed&lt;/b&gt; (lines %1–%2)</source>
        <translation>&lt;b&gt;TLS 握手失败&lt;/b&gt;（第 %1–%2 行）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Fix:</source>
        <translation>修复：</translation>
    </message>
    <message>
        <location filename="../../ui/monitor/monitorworkspace.cpp" line="+38"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../ui/monitor/monitorcapture.cpp" line="+45"/>
        <source>A capture of a board that connects</source>
        <translation>选择能成功连接的板子的日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logs (*.log *.txt *.gz);;All files (*)</source>
        <translation>日志 (*.log *.txt *.gz);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Save the log</source>
        <translation>保存日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logs (*.log)</source>
        <translation>日志 (*.log)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Saved %1 lines to %2 (secrets removed).</source>
        <translation>已将 %1 行保存到 %2（已去除机密信息）。</translation>
    </message>
    <message>
        <location filename="../../ui/monitor/monitorworkspace.cpp" line="+45"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../ui/shell/mainwindow.cpp" line="-84"/>
        <location line="+5"/>
        <source>Virtual board (%1)</source>
        <translation>虚拟板（%1）</translation>
    </message>
</context>
<context>
    <name>Forgeline::Ui::PartitionTableModel</name>
    <message>
        <location filename="../../ui/flash/partitiontablemodel.cpp" line="+40"/>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>encrypted</source>
        <translation>加密</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: %2 bytes at 0x%3</source>
        <translation>%1：%2 字节，位于 0x%3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subtype</source>
        <translation>子类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offset</source>
        <translation>偏移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flags</source>
        <translation>标志</translation>
    </message>
</context>
<context>
    <name>Forgeline::Ui::PreflightPanel</name>
    <message>
        <location filename="../../ui/preflight/preflightpanel.cpp" line="+50"/>
        <source>Pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fails</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Target:</source>
        <translation>目标：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Device clock:</source>
        <translation>设备时钟：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not set (1970, no SNTP)</source>
        <translation>未设置（1970 年，无 SNTP）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synced before TLS</source>
        <translation>TLS 前已同步</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a certificate and key to check them before flashing.</source>
        <translation>选择证书和私钥，在烧录前进行检查。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+161"/>
        <source>Device error</source>
        <translation>设备错误</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>Finding</source>
        <translation>结论</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Checking against %1…</source>
        <translation>正在针对 %1 检查…</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>&lt;b style=&apos;color:#d0332b&apos;&gt;Cannot check these files.&lt;/b&gt; %1</source>
        <translation>&lt;b style=&apos;color:#d0332b&apos;&gt;无法检查这些文件。&lt;/b&gt;%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Files</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+27"/>
        <source>Fix</source>
        <translation>修复</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>&lt;b style=&apos;color:#d0332b&apos;&gt;%n check(s) predict a device failure on %1.&lt;/b&gt; Writing is refused until fixed or overridden.</source>
        <translation>
            <numerusform>&lt;b style=&apos;color:#d0332b&apos;&gt;%n 项检查预测设备在 %1 上会失败。&lt;/b&gt;修复或覆盖之前拒绝写入。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>&lt;b style=&apos;color:#e09b12&apos;&gt;No failure predicted on %1; %n warning(s).&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b style=&apos;color:#e09b12&apos;&gt;预测在 %1 上不会失败；%n 项警告。&lt;/b&gt;</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&lt;b style=&apos;color:#2e9d4f&apos;&gt;All checks pass on %1.&lt;/b&gt;</source>
        <translation>&lt;b style=&apos;color:#2e9d4f&apos;&gt;在 %1 上全部检查通过。&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>Forgeline::Ui::ProvisionStepList</name>
    <message>
        <location filename="../../ui/provision/provisionsteplist.cpp" line="+9"/>
        <source>Connect and secure session</source>
        <translation>连接并建立安全会话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Scan for networks</source>
        <translation>扫描网络</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send credentials</source>
        <translation>发送凭据</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait for the board to connect</source>
        <translation>等待板子连网</translation>
    </message>
</context>
<context>
    <name>Forgeline::Ui::ProvisionWorkspace</name>
    <message>
        <location filename="../../ui/provision/provisionqrintake.cpp" line="+58"/>
        <source>QR code for %1: this board provisions over Bluetooth LE, which Forgeline does not support yet.</source>
        <translation>%1 的二维码：这块板子通过蓝牙 LE 配网，Forgeline 暂不支持。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>QR code for %1 read. Join its Wi-Fi access point %1, then press Connect.</source>
        <translation>已读取 %1 的二维码。请连接它的 Wi-Fi 热点 %1，然后按“连接”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>QR code read for %1</source>
        <translation>已读取 %1 的二维码</translation>
    </message>
    <message>
        <location filename="../../ui/provision/provisionworkspaceui.cpp" line="+28"/>
        <source>Board</source>
        <translation>板子</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>HOST:PORT, or scan the board&apos;s QR code into any field</source>
        <translation>HOST:PORT，或将板子的二维码扫入任一输入框</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The board&apos;s access point address (192.168.4.1:80 on real hardware). A USB barcode scanner can type the QR payload here.</source>
        <translation>板子的热点地址（真实硬件为 192.168.4.1:80）。USB 扫码枪可以直接在这里输入二维码内容。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Proof of possession from the label or QR code</source>
        <translation>标签或二维码上的所有权证明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security 1: the proof of possession. Security 2: the password that goes with the username.</source>
        <translation>Security 1：所有权证明。Security 2：与用户名配套的密码。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Security 2 username from the label or QR code, e.g. wifiprov</source>
        <translation>标签或二维码上的 Security 2 用户名，例如 wifiprov</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>As the board reports</source>
        <translation>以板子报告为准</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security 2 (SRP6a + username and password)</source>
        <translation>Security 2（SRP6a + 用户名和密码）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security 1 (X25519 + PoP)</source>
        <translation>Security 1（X25519 + PoP）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security 0 (no encryption)</source>
        <translation>Security 0（不加密）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start a virtual board</source>
        <translation>启动虚拟板</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Runs a simulated ESP32 in provisioning mode inside Forgeline, to try everything without hardware.</source>
        <translation>在 Forgeline 内运行一块处于配网模式的模拟 ESP32，无需硬件即可试用全部功能。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Monitor</source>
        <translation>监视</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Watch this board&apos;s serial log in the Monitor workspace (the port chosen in Flash).</source>
        <translation>在“监视”工作区中查看此板子的串口日志（使用“烧录”中选择的端口）。</translation>
    </message>
    <message>
        <location filename="../../ui/provision/provisionworkspace.cpp" line="+95"/>
        <location filename="../../ui/provision/provisionworkspaceui.cpp" line="+3"/>
        <source>Not connected.</source>
        <translation>未连接。</translation>
    </message>
    <message>
        <location filename="../../ui/provision/provisionworkspaceui.cpp" line="+3"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Username</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PoP</source>
        <translation>PoP</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Provisioning steps</source>
        <translation>配网步骤</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Wi-Fi</source>
        <translation>Wi-Fi</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Scan</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pick a network above or type its name</source>
        <translation>从上方选择网络或输入其名称</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Empty for an open network</source>
        <translation>开放网络请留空</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provision</source>
        <translation>配网</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SSID</source>
        <translation>SSID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passphrase</source>
        <translation>密码</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Custom endpoint</source>
        <translation>自定义端点</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Text to send over the secure session</source>
        <translation>要通过安全会话发送的文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Endpoint</source>
        <translation>端点</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Provisioned in this session</source>
        <translation>本次会话中已配网</translation>
    </message>
    <message>
        <location filename="../../ui/provision/provisionworkspace.cpp" line="-27"/>
        <source>Virtual board %1 is running at %2. Press Connect.</source>
        <translation>虚拟板 %1 正在 %2 上运行。请按“连接”。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Started virtual board %1 at %2</source>
        <translation>已在 %2 启动虚拟板 %1</translation>
    </message>
    <message>
        <location filename="../../ui/provision/provisionsession.cpp" line="+40"/>
        <source>%1 The address should look like 192.168.4.1:80 or [fe80::1]:80.</source>
        <translation>%1 地址应形如 192.168.4.1:80 或 [fe80::1]:80。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Connecting to %1</source>
        <translation>正在连接 %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Security %1</source>
        <translation>Security %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected: %1protocomm %2, Security %3, capabilities: %4</source>
        <translation>已连接：%1protocomm %2，Security %3，能力：%4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Secure session established (Security %1)</source>
        <translation>安全会话已建立（Security %1）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>scanning…</source>
        <translation>扫描中…</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n network(s)</source>
        <translation>
            <numerusform>%n 个网络</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Scan found %n network(s)</source>
        <translation>
            <numerusform>扫描到 %n 个网络</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../core/protocomm/provisioncontrollerrun.cpp" line="+22"/>
        <source>Pick or type the network the board should join.</source>
        <translation>选择或输入板子要加入的网络。</translation>
    </message>
    <message>
        <location filename="../../ui/provision/provisionapply.cpp" line="+63"/>
        <source>IP %1</source>
        <translation>IP %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected to %1 — IP %2, channel %3.</source>
        <translation>已连接到 %1 — IP %2，信道 %3。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1  %2 → %3, IP %4, channel %5</source>
        <translation>%1  %2 → %3，IP %4，信道 %5</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Provisioned %1 onto %2 (IP %3)</source>
        <translation>已将 %1 配网到 %2（IP %3）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Provisioned. The board closes its provisioning service now.</source>
        <translation>配网完成。板子现在会关闭其配网服务。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Next:</source>
        <translation>下一步：</translation>
    </message>
    <message>
        <location filename="../../ui/provision/provisionsession.cpp" line="+8"/>
        <source>Reply: %1 (%2 bytes)</source>
        <translation>回复：%1（%2 字节）</translation>
    </message>
    <message>
        <location filename="../../ui/provision/provisionworkspace.cpp" line="+24"/>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
</context>
<context>
    <name>Forgeline::Ui::RecipeEditor</name>
    <message>
        <location filename="../../ui/station/recipeeditor.cpp" line="+26"/>
        <source>Load…</source>
        <translation>加载…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+10"/>
        <source>Recipe</source>
        <translation>配方</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Recipe (JSON): flash, verify, provision… see docs/cli.md</source>
        <translation>配方（JSON）：烧录、校验、配网… 参见 docs/cli.md</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Load recipe</source>
        <translation>加载配方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipes (*.json);;All files (*)</source>
        <translation>配方 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save recipe</source>
        <translation>保存配方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipes (*.json)</source>
        <translation>配方 (*.json)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cannot read the recipe.</source>
        <translation>无法读取配方。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>That file is too large to be a recipe.</source>
        <translation>该文件太大，不可能是配方。</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+4"/>
        <source>Cannot save the recipe.</source>
        <translation>无法保存配方。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>empty: write or load a recipe</source>
        <translation>空：请编写或加载配方</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not usable: %1</source>
        <translation>不可用：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>OK: %1</source>
        <translation>正常：%1</translation>
    </message>
</context>
<context>
    <name>Forgeline::Ui::RecordLadderModel</name>
    <message>
        <location filename="../../ui/records/recordladdermodel.cpp" line="+67"/>
        <source>client → server</source>
        <translation>客户端 → 服务器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>server → client</source>
        <translation>服务器 → 客户端</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SSLv2 hello</source>
        <translation>SSLv2 hello</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (encrypted)</source>
        <translation>（已加密）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Frame</source>
        <translation>帧</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handshake messages in the record</source>
        <translation>记录中的握手消息</translation>
    </message>
</context>
<context>
    <name>Forgeline::Ui::RecordsModel</name>
    <message>
        <location filename="../../ui/station/recordsmodel.cpp" line="+39"/>
        <source>SHA-256 %1
serial %2</source>
        <translation>SHA-256 %1
序列号 %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Station</source>
        <translation>工位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chip</source>
        <translation>芯片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MAC</source>
        <translation>MAC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Provisioning</source>
        <translation>配网</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
</context>
<context>
    <name>Forgeline::Ui::RecordsWorkspace</name>
    <message>
        <location filename="../../ui/records/recordsworkspace.cpp" line="+62"/>
        <source>Open or drop a capture (.pcap, .pcapng), a device log, or paste a hex dump.</source>
        <translation>打开或拖入抓包文件（.pcap、.pcapng）、设备日志，或粘贴十六进制转储。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste hex dump…</source>
        <translation>粘贴十六进制转储…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Streams</source>
        <translation>流</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Record ladder</source>
        <translation>记录时序图</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record details</source>
        <translation>记录详情</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record bytes</source>
        <translation>记录字节</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Findings</source>
        <translation>结论</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Open a capture, hex dump or device log</source>
        <translation>打开抓包文件、十六进制转储或设备日志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Captures and logs (*.pcap *.pcapng *.cap *.log *.txt);;All files (*)</source>
        <translation>抓包文件和日志 (*.pcap *.pcapng *.cap *.log *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Paste a hex dump</source>
        <translation>粘贴十六进制转储</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tcpdump -X, Wireshark hex dump, Follow TCP Stream, xxd, openssl -msg, mbedTLS dumps or bare hex</source>
        <translation>tcpdump -X、Wireshark 十六进制转储、Follow TCP Stream、xxd、openssl -msg、mbedTLS 转储或纯十六进制</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+1"/>
        <source>pasted text</source>
        <translation>粘贴的文本</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>%1: %2 → %3 (%n records)</source>
        <translation>
            <numerusform>%1：%2 → %3（%n 条记录）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%1 — %2%3: %n stream(s), %4 records, %5 finding(s)</source>
        <translation>
            <numerusform>%1 — %2%3：%n 个流，%4 条记录，%5 条结论</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not understood: %1</source>
        <translation>无法解析：%1</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+52"/>
        <source>line</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="-52"/>
        <location line="+52"/>
        <source>frame</source>
        <translation>帧</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>client → server</source>
        <translation>客户端 → 服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>server → client</source>
        <translation>服务器 → 客户端</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>content type</source>
        <translation>内容类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>length</source>
        <translation>长度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>encrypted</source>
        <translation>已加密</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>yes (not decrypted)</source>
        <translation>是（未解密）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 bytes here, %2 of a %3-byte message</source>
        <translation>此处 %1 字节，属于 %3 字节消息的 %2 部分</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>spans records at</source>
        <translation>所跨记录的位置</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(bytes not kept: memory budget for this input spent)</source>
        <translation>（未保留字节：此输入的内存预算已用完）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>… ciphertext: the first %1 of %2 bytes are shown.</source>
        <translation>… 密文：仅显示 %2 字节中的前 %1 字节。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Fixes</source>
        <translation>修复建议</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;p&gt;No framing problem in this stream.&lt;/p&gt;</source>
        <translation>&lt;p&gt;此流中没有分帧问题。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;li&gt;%1 bytes missing (%2)&lt;/li&gt;</source>
        <translation>&lt;li&gt;缺少 %1 字节（%2）&lt;/li&gt;</translation>
    </message>
</context>
<context>
    <name>Forgeline::Ui::ResultDocument</name>
    <message>
        <location filename="../../ui/decode/resultdocument.cpp" line="+66"/>
        <source>mbedTLS error</source>
        <translation>mbedTLS 错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mbedTLS composite</source>
        <translation>mbedTLS 组合错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PSA status</source>
        <translation>PSA 状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>esp-tls error</source>
        <translation>esp-tls 错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>esp_err_t</source>
        <translation>esp_err_t</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>X.509 verify flags</source>
        <translation>X.509 验证标志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>vendor code</source>
        <translation>厂商错误码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>legacy numbering</source>
        <translation>旧版编号</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>inference</source>
        <translation>推断</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This is an inference: no library release defines this value with this meaning; Forgeline reads it this way from how the numbering works.</source>
        <translation>这是推断：没有任何库版本以此含义定义该值；Forgeline 根据编号规则作此解读。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Likely causes</source>
        <translation>可能原因</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What to try</source>
        <translation>可尝试的操作</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Defined in: %1</source>
        <translation>定义于：%1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Diagnosis: %1</source>
        <translation>诊断：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Flags set</source>
        <translation>已置位的标志</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Parts</source>
        <translation>组成部分</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Read more</source>
        <translation>了解更多</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a known code.</source>
        <translation>不是已知的错误码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closest readings</source>
        <translation>最接近的解读</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%1 — %n reading(s)</source>
        <translation>
            <numerusform>%1 — %n 种解读</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Forgeline::Ui::ScanResultModel</name>
    <message>
        <location filename="../../ui/provision/scanresultmodel.cpp" line="+32"/>
        <source>(hidden)</source>
        <translation>（隐藏）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 dBm</source>
        <translation>%1 dBm</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>strong</source>
        <translation>强</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>usable</source>
        <translation>可用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weak</source>
        <translation>弱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 dBm (%2)</source>
        <translation>%1 dBm（%2）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Network (SSID)</source>
        <translation>网络（SSID）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signal</source>
        <translation>信号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channel</source>
        <translation>信道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Security</source>
        <translation>安全</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BSSID</source>
        <translation>BSSID</translation>
    </message>
</context>
<context>
    <name>Forgeline::Ui::SmokeTest</name>
    <message>
        <location filename="../../ui/shell/smoketest.cpp" line="+33"/>
        <source>finished within %1 s</source>
        <translation>在 %1 秒内完成</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>main window shown</source>
        <translation>主窗口已显示</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>decode workspace shows a card for -0x7500</source>
        <translation>解码工作区显示了 -0x7500 的卡片</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>decode workspace exists</source>
        <translation>解码工作区存在</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>activity pane shows logged messages</source>
        <translation>活动窗格显示了已记录的消息</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>About dialog opens</source>
        <translation>“关于”对话框已打开</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>workspace %1 shown</source>
        <translation>工作区 %1 已显示</translation>
    </message>
</context>
<context>
    <name>Forgeline::Ui::StationTile</name>
    <message>
        <location filename="../../ui/station/stationtile.cpp" line="+18"/>
        <source>waiting for board</source>
        <translation>等待板子</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Click for this board&apos;s log</source>
        <translation>点击查看这块板子的日志</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%p% (%1/%2 bytes)</source>
        <translation>%p%（%1/%2 字节）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>PASS</source>
        <translation>通过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FAIL</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STOPPED</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 · removed</source>
        <translation>%1 · 已拔出</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(done)</source>
        <translation>（完成）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 s (done)</source>
        <translation>%1 秒（完成）</translation>
    </message>
</context>
<context>
    <name>Forgeline::Ui::StationWorkspace</name>
    <message>
        <location filename="../../ui/station/stationvirtualboards.cpp" line="+20"/>
        <source>Stop the running boards first.</source>
        <translation>请先停止正在运行的板子。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>demo</source>
        <translation>演示</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n virtual board(s) ready: press Start all</source>
        <translation>
            <numerusform>%n 块虚拟板已就绪：请按“全部开始”</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/station/stationworkspaceui.cpp" line="+35"/>
        <source>Operator name</source>
        <translation>操作员姓名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start all</source>
        <translation>全部开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop all</source>
        <translation>全部停止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auto-start when a board appears</source>
        <translation>板子插入时自动开始</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Watch the serial ports and run the recipe on every board plugged in</source>
        <translation>监视串口，对每块插入的板子运行配方</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operator:</source>
        <translation>操作员：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>any serial port</source>
        <translation>任意串口</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only ports whose path matches start by themselves, for example
/dev/serial/by-id/usb-Silicon_Labs* (the line&apos;s USB bridges, not the PC&apos;s own ports)</source>
        <translation>只有路径匹配的端口会自动开始，例如
/dev/serial/by-id/usb-Silicon_Labs*（产线的 USB 桥接芯片，而不是电脑自带的端口）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Virtual boards</source>
        <translation>虚拟板</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try the station on four simulated boards in this window (no hardware)</source>
        <translation>在此窗口中用四块模拟板试用工位（无需硬件）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>/dev/ttyUSB0,/dev/ttyUSB1 or socket://host:port</source>
        <translation>/dev/ttyUSB0,/dev/ttyUSB1 或 socket://host:port</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folder of &lt;id&gt;.crt + &lt;id&gt;.key</source>
        <translation>&lt;id&gt;.crt + &lt;id&gt;.key 所在的文件夹</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sqlite:///path or postgresql://user@host/db (default: app data)</source>
        <translation>sqlite:///path 或 postgresql://user@host/db（默认：应用数据目录）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ports</source>
        <translation>端口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate pool</source>
        <translation>证书池</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Station database</source>
        <translation>工位数据库</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>PostgreSQL password, if the server asks for one</source>
        <translation>PostgreSQL 密码（若服务器要求）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database password</source>
        <translation>数据库密码</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Boards</source>
        <translation>板子</translation>
    </message>
    <message>
        <location filename="../../ui/station/stationrecordspanel.cpp" line="+28"/>
        <source>Filter by MAC</source>
        <translation>按 MAC 筛选</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All results</source>
        <translation>所有结果</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passed</source>
        <translation>已通过</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Records</source>
        <translation>记录</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export records</source>
        <translation>导出记录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/station/stationworkspace.cpp" line="+98"/>
        <source>%n record(s) kept while the database was away are now stored</source>
        <translation>
            <numerusform>数据库断开期间暂存的 %n 条记录现已保存</numerusform>
        </translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Name at least one port.</source>
        <translation>请至少指定一个端口。</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Running %n board(s)</source>
        <translation>
            <numerusform>正在运行 %n 块板子</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Board appeared on %1; starting it shortly</source>
        <translation>%1 上出现了板子；即将开始</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 came back right after its board ran; not a new board</source>
        <translation>%1 在其板子运行结束后随即重新出现；不是新板子</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Auto-started %1</source>
        <translation>已自动开始 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is still running.</source>
        <translation>%1 仍在运行。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Running %1 again</source>
        <translation>再次运行 %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 is waiting: the recipe or station settings changed while boards run; press Start when they finish.</source>
        <translation>%1 正在等待：板子运行期间配方或工位设置已更改；请在它们结束后按“开始”。</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Cannot start %1: %2</source>
        <translation>无法开始 %1：%2</translation>
    </message>
    <message>
        <location line="-108"/>
        <source>Records kept while the database was away could not be sent: %1</source>
        <translation>数据库不可用期间暂存的记录无法发送：%1</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>Board removed from %1</source>
        <translation>板子已从 %1 拔出</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 passed, %2 failed in %3 s</source>
        <translation>%1 块通过，%2 块失败，用时 %3 秒</translation>
    </message>
    <message>
        <location filename="../../ui/station/stationboardlog.cpp" line="+23"/>
        <source>Board on %1</source>
        <translation>%1 上的板子</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing logged yet for this port.</source>
        <translation>此端口尚无日志。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Run again</source>
        <translation>再次运行</translation>
    </message>
    <message>
        <location filename="../../ui/station/stationworkspacerecords.cpp" line="+41"/>
        <source>Nothing to export yet.</source>
        <translation>还没有可导出的内容。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cannot write the export.</source>
        <translation>无法写入导出文件。</translation>
    </message>
</context>
<context>
    <name>Protocomm</name>
    <message>
        <location filename="../../core/protocomm/cryptoprimitives.cpp" line="+22"/>
        <source>A cryptographic operation failed.</source>
        <translation>加密运算失败。</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>The peer&apos;s public key has the wrong length.</source>
        <translation>对端公钥的长度错误。</translation>
    </message>
    <message>
        <location filename="../../core/protocomm/handshakeloss.cpp" line="+61"/>
        <source>Do not re-type the PoP. This board keeps the session only on the connection that opened it (socket-bound session mode), so the whole exchange must stay on one connection: check for anything that cuts connections (proxy, firewall, weak Wi-Fi) and whether the board rebooted (its serial log shows a boot banner), then try again.</source>
        <translation>不要重新输入 PoP。这块板子只在建立会话的那个连接上保持会话（socket 绑定的会话模式），因此整个交换必须在同一个连接上完成：请检查是否有东西切断连接（代理、防火墙、Wi-Fi 信号弱），以及板子是否重启过（其串口日志中会出现启动信息），然后重试。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Session cookies are turned off in this client; with them, boards on ESP-IDF 4.3 or later keep the session across connections.</source>
        <translation>此客户端关闭了会话 Cookie；开启后，ESP-IDF 4.3 及以上版本的板子可以跨连接保持会话。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The secure session was lost between handshake steps (step 0 to step 1): the connection was closed and the device no longer had the session, so the PoP was never checked.</source>
        <translation>安全会话在握手步骤之间（第 0 步到第 1 步）丢失：连接已关闭，设备上已没有该会话，因此 PoP 从未被校验。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The secure session was lost between handshake steps (step 0 to step 1): the device stopped accepting connections after step 0 (it may have reset), so the PoP was never checked.</source>
        <translation>安全会话在握手步骤之间（第 0 步到第 1 步）丢失：设备在第 0 步之后不再接受连接（可能已复位），因此 PoP 从未被校验。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Do not re-type the PoP. Wait for the board to finish booting or power-cycle it, make sure this computer is still on its access point, then try again.</source>
        <translation>不要重新输入 PoP。请等待板子启动完成或给它断电重启，确认这台电脑仍连着它的热点，然后重试。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The device did not answer step 1 of the session handshake in time, so the PoP was neither accepted nor rejected.</source>
        <translation>设备没有及时应答会话握手的第 1 步，因此 PoP 既未被接受也未被拒绝。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Check that the board is still running and in range, then try again.</source>
        <translation>请确认板子仍在运行且在信号范围内，然后重试。</translation>
    </message>
    <message>
        <location filename="../../core/protocomm/messages.cpp" line="+37"/>
        <source>The device sent a reply that is not a valid %1 message.</source>
        <translation>设备发送的回复不是有效的 %1 消息。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The device answered with the wrong message type.</source>
        <translation>设备回复的消息类型错误。</translation>
    </message>
    <message>
        <location line="+231"/>
        <source>The device could not start a Wi-Fi scan.</source>
        <translation>设备无法开始 Wi-Fi 扫描。</translation>
    </message>
    <message>
        <location filename="../../core/protocomm/qrpayload.cpp" line="+19"/>
        <source>Scan the code again or paste the JSON it contains.</source>
        <translation>请重新扫描二维码，或粘贴其中的 JSON。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The QR payload is too long to be a provisioning code.</source>
        <translation>二维码内容太长，不可能是配网码。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The QR payload is not JSON.</source>
        <translation>二维码内容不是 JSON。</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+8"/>
        <source>The QR payload names an unknown security level.</source>
        <translation>二维码内容中的安全级别未知。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The QR payload has no device name.</source>
        <translation>二维码内容中没有设备名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The QR payload does not say which transport the device uses.</source>
        <translation>二维码内容没有说明设备使用的传输方式。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The QR payload names an unknown transport.</source>
        <translation>二维码内容中的传输方式未知。</translation>
    </message>
    <message>
        <location filename="../../core/protocomm/security.cpp" line="+30"/>
        <location filename="../../core/protocomm/security2.cpp" line="+20"/>
        <source>The device&apos;s session handshake reply was not valid.</source>
        <translation>设备的会话握手回复无效。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the device rejected the client proof: wrong username or proof-of-possession password</source>
        <translation>设备拒绝了客户端证明：用户名或所有权证明密码错误</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check the username and the password (PoP) on the board&apos;s label or QR code; both are case-sensitive.</source>
        <translation>请核对板子标签或二维码上的用户名和密码（PoP）；两者都区分大小写。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the device rejected the proof of possession (PoP)</source>
        <translation>设备拒绝了所有权证明（PoP）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the PoP on the board&apos;s label or QR code; it is case-sensitive.</source>
        <translation>请核对板子标签或二维码上的 PoP；它区分大小写。</translation>
    </message>
    <message>
        <location line="+209"/>
        <source>The device&apos;s proof of possession did not verify: it does not hold the same PoP.</source>
        <translation>设备的所有权证明未通过校验：它持有的 PoP 与此不同。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../../core/protocomm/security2.cpp" line="+136"/>
        <source>Check that you are talking to the right board.</source>
        <translation>请确认连接的是正确的板子。</translation>
    </message>
    <message>
        <location filename="../../core/protocomm/security2.cpp" line="-5"/>
        <source>The device&apos;s Security2 proof did not verify: it does not hold the verifier for this username and password.</source>
        <translation>设备的 Security2 证明未通过校验：它没有此用户名和密码对应的验证值。</translation>
    </message>
    <message>
        <location filename="../../core/protocomm/srp6a.cpp" line="+34"/>
        <source>The Security2 (SRP6a) computation failed.</source>
        <translation>Security2（SRP6a）计算失败。</translation>
    </message>
    <message>
        <location filename="../../core/protocomm/provisionjob.cpp" line="+29"/>
        <source>The board could not join &apos;%1&apos;: the Wi-Fi passphrase is wrong (AuthError).</source>
        <translation>板子无法加入“%1”：Wi-Fi 密码错误（AuthError）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The board could not find the network &apos;%1&apos; (NetworkNotFound).</source>
        <translation>板子找不到网络“%1”（NetworkNotFound）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connect and secure session</source>
        <translation>连接并建立安全会话</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scan for Wi-Fi networks</source>
        <translation>扫描 Wi-Fi 网络</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send Wi-Fi credentials</source>
        <translation>发送 Wi-Fi 凭据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait for the board to connect</source>
        <translation>等待板子连网</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Connecting to %1:%2</source>
        <translation>正在连接 %1:%2</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Scanning for Wi-Fi networks</source>
        <translation>正在扫描 Wi-Fi 网络</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sending credentials for &apos;%1&apos;</source>
        <translation>正在发送“%1”的凭据</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Applying</source>
        <translation>正在应用</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The board seems to have restarted and lost the credentials; sending them again.</source>
        <translation>板子似乎已重启并丢失了凭据；正在重新发送。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The board had already applied the settings before the connection dropped.</source>
        <translation>连接断开前板子已应用了设置。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Waiting for the board to join &apos;%1&apos;</source>
        <translation>正在等待板子加入“%1”</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Lost contact with the board after it received the credentials; it may have joined &apos;%1&apos; and closed its access point.</source>
        <translation>板子收到凭据后失去联系；它可能已加入“%1”并关闭了热点。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check your router or the board&apos;s log; if it did not join, power-cycle it and provision again.</source>
        <translation>请检查路由器或板子的日志；如果没有加入，请断电重启后重新配网。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Check the passphrase and provision again.</source>
        <translation>请核对 Wi-Fi 密码后重新配网。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the SSID and that the network is in range.</source>
        <translation>请核对 SSID，并确认网络在信号范围内。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The board was reset and accepts new credentials.</source>
        <translation>板子已重置，可以接受新的凭据。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The board restarted while connecting; sending the credentials again.</source>
        <translation>板子在连接过程中重启；正在重新发送凭据。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connection attempt failed; %1 attempts left</source>
        <translation>连接尝试失败；还剩 %1 次尝试</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The board did not report a result within %1 s.</source>
        <translation>板子在 %1 秒内没有报告结果。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check that the network is in range, then power-cycle the board.</source>
        <translation>请确认网络在信号范围内，然后给板子断电重启。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Connected: IP %1, channel %2</source>
        <translation>已连接：IP %1，信道 %2</translation>
    </message>
</context>
<context>
    <name>Sim</name>
    <message>
        <location filename="../../core/sim/boardprofile.cpp" line="+49"/>
        <source>sec2Verifier needs its sec2Salt.</source>
        <translation>sec2Verifier 需要对应的 sec2Salt。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A Security 2 board needs a username and a password (pop).</source>
        <translation>Security 2 板子需要用户名和密码（pop）。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The board profile is not a JSON object.</source>
        <translation>板子配置不是 JSON 对象。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The virtual board supports Security 0, 1 and 2.</source>
        <translation>虚拟板支持 Security 0、1 和 2。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>secPatchVer must be 0 or 1.</source>
        <translation>secPatchVer 只能是 0 或 1。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>sessionMode must be &quot;cookie&quot; or &quot;socket&quot;.</source>
        <translation>sessionMode 只能是“cookie”或“socket”。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Every network needs an SSID of 1 to 32 bytes.</source>
        <translation>每个网络都需要 1 到 32 字节的 SSID。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Unknown auth mode &apos;%1&apos;.</source>
        <translation>未知的认证方式“%1”。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Cannot read the board profile %1.</source>
        <translation>无法读取板子配置 %1。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Fault &apos;%1&apos; needs a positive number.</source>
        <translation>故障“%1”需要一个正数。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Unknown fault &apos;%1&apos;; known: %2</source>
        <translation>未知故障“%1”；已知的有：%2</translation>
    </message>
    <message>
        <location filename="../../core/sim/protocommhttpserver.cpp" line="+54"/>
        <source>The virtual board cannot listen on %1.</source>
        <translation>虚拟板无法在 %1 上监听。</translation>
    </message>
</context>
<context>
    <name>Station</name>
    <message>
        <location filename="../../core/station/stationsetup.cpp" line="+22"/>
        <source>The recipe writes a certificate but no pool was given.</source>
        <translation>配方要写入证书，但没有给出证书池。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give a certificate pool folder or a station database.</source>
        <translation>请指定证书池文件夹或工位数据库。</translation>
    </message>
    <message>
        <location filename="../../core/station/stationstore.cpp" line="+25"/>
        <source>The station database is not open.</source>
        <translation>工位数据库未打开。</translation>
    </message>
</context>
<context>
    <name>Translations</name>
    <message>
        <location filename="../../core/common/translations.cpp" line="+52"/>
        <source>unknown language &apos;%1&apos;</source>
        <translation>未知语言“%1”</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+58"/>
        <source>Use one of: %1.</source>
        <translation>请使用以下之一：%1。</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>missing value for --lang</source>
        <translation>--lang 缺少值</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/gui/main.cpp" line="+50"/>
        <source>Flash, provision and diagnose ESP32-class boards and their TLS.</source>
        <translation>烧录、配网并诊断 ESP32 系列板子及其 TLS。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open on workspace NAME: %1.</source>
        <translation>启动时打开工作区 NAME：%1。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show the main window, visit every workspace and exit (0 = all worked).</source>
        <translation>显示主窗口，访问每个工作区后退出（0 = 全部正常）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Exit as soon as the main window has painted; print the start-up time.</source>
        <translation>主窗口绘制完成后立即退出；打印启动耗时。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start a virtual board (serial ROM loader and protocomm) and select it, so everything can be tried without hardware.</source>
        <translation>启动一块虚拟板（串口 ROM 引导程序和 protocomm）并选中它，无需硬件即可试用全部功能。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>User interface language for this run: %1.</source>
        <translation>本次运行的界面语言：%1。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Forgeline %1 started (Qt %2, %3, protobuf %4)</source>
        <translation>Forgeline %1 已启动（Qt %2，%3，protobuf %4）</translation>
    </message>
</context>
</TS>
